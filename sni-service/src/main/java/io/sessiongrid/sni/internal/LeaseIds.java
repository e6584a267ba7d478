package io.sessiongrid.sni.internal;

import com.hazelcast.flakeidgen.FlakeIdGenerator;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lease ids for local hand-outs, minted ahead from the namespace's {@link FlakeIdGenerator}. On a member a flake id
 * is computed locally, but a client fetches a batch (100 by default) with a round trip, which would put one grid
 * call on every hundredth local hand-out. Flake ids stay unique however late they are used.
 */
final class LeaseIds {
    static final int AHEAD = 512;
    private final FlakeIdGenerator generator;
    private final ConcurrentLinkedQueue<Long> ready = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean refilling = new AtomicBoolean();

    LeaseIds(FlakeIdGenerator generator) {
        this.generator = generator;
    }

    /** A minted id, else a fresh one. Refill with {@link #refill} off the request path. */
    long next() {
        Long id = ready.poll();
        return id != null ? id : generator.newId();
    }

    /** Mints ids until {@value #AHEAD} are ready; concurrent callers skip. */
    void refill() {
        if (!refilling.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int i = ready.size(); i < AHEAD; i++) {
                ready.add(generator.newId());
            }
        } finally {
            refilling.set(false);
        }
    }
}
