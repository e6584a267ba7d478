package io.sessiongrid.sni.internal;

import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import io.sessiongrid.sni.Lease;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records in the grid the leases {@link ShadowPool} handed out locally, off the request path: one
 * {@link ChunkProcessors.Heartbeat} per chunk, sent by a background thread, which moves the identifiers from the reservation to the lease (only
 * where the reservation still holds them) and stamps the lease's heartbeat.
 *
 * <p>Until a hand-over lands, the identifiers stay reserved for the reservation in the grid: nobody else can take
 * them, and nothing reclaims them before the reservation expires. A hand-over that failed (member loss, a minority
 * side) is kept and retried by {@link #drain}; while one is outstanding the service stops handing out locally
 * ({@link #healthy}), so an instance cut off from the grid serves at most what was already in flight. If the process
 * dies first, a heartbeat of the lease from anywhere completes the hand-over ({@link Lease#handedFrom()}).
 */
final class Handovers {
    private static final ILogger LOG = Logger.getLogger(Handovers.class);

    private record Pending(int chunk, ChunkProcessors.Heartbeat op, int expected) {
    }

    private final Grid grid;
    /**
     * One daemon thread, started on demand and gone after 5 idle seconds, sends the hand-overs in order. Not
     * Hazelcast's async API: its callbacks run on the common pool, which on a 2-core machine starts a thread per
     * callback.
     */
    private final ThreadPoolExecutor worker;
    private final Map<Pending, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Map<Pending, Boolean> failed = new ConcurrentHashMap<>();
    private final AtomicLong conflicts = new AtomicLong();

    Handovers(Grid grid) {
        this.grid = grid;
        String name = "sni-handover-" + grid.options.namespace();
        this.worker = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        worker.allowCoreThreadTimeOut(true);
    }

    /** Sends the hand-over of {@code taken} to {@code lease}; returns at once. */
    void submit(long lease, ShadowPool.Taken taken, long now) {
        Map<Integer, int[]> parts = Ranges.byChunk(taken.ranges(), grid.chunkSize, grid.totalIds, new ArrayList<>());
        long[] from = taken.reservations();
        for (Map.Entry<Integer, int[]> part : parts.entrySet()) {
            int expected = 0;
            for (int i = 1; i < part.getValue().length; i += 2) {
                expected += part.getValue()[i];
            }
            Map<Integer, int[]> mine = new HashMap<>(2);
            mine.put(part.getKey(), part.getValue());
            send(new Pending(part.getKey(), new ChunkProcessors.Heartbeat(lease, from, mine, grid.chunkSize, now),
                    expected));
        }
    }

    private void send(Pending p) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        inFlight.put(p, done);
        worker.execute(() -> {
            try {
                check(p, grid.chunks.executeOnKey(p.chunk(), p.op()));
            } catch (RuntimeException e) {
                failed.put(p, Boolean.TRUE);
            } finally {
                inFlight.remove(p);
                done.complete(null);
            }
        });
    }

    private void check(Pending p, ChunkOutcome.Beat result) {
        // What the lease holds here counts, not what this call moved: a retry may find everything moved already.
        if (result.live() < p.expected()) {
            conflicts.addAndGet(p.expected() - result.live());
            LOG.warning("SNI hand-over of lease " + p.op().lease() + " in chunk " + p.chunk()
                    + " found " + result.live() + " of " + p.expected() + " identifiers (reservation expired or released "
                    + "before the hand-over landed); the lease's heartbeat reports them missing");
        }
    }

    /** No hand-over has failed without being redone: local hand-outs may continue. */
    boolean healthy() {
        return failed.isEmpty();
    }

    /**
     * Waits for every hand-over in flight and redoes the failed ones synchronously, so that the grid reflects every
     * lease this instance granted. Throws what the grid throws when a redo fails (they stay queued).
     */
    void drain() {
        for (CompletableFuture<Void> f : List.copyOf(inFlight.values())) {
            f.join();
        }
        for (Pending p : List.copyOf(failed.keySet())) {
            ChunkOutcome.Beat r = grid.chunks.executeOnKey(p.chunk(), p.op());
            failed.remove(p);
            check(p, r);
        }
    }

    /** Identifiers whose hand-over found them no longer reserved (should stay 0; exposed for tests and metrics). */
    long conflicts() {
        return conflicts.get();
    }
}
