package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.reclaim.Holding;
import io.sessiongrid.sni.reclaim.ReclaimDecision;
import io.sessiongrid.sni.reclaim.ReclaimPolicy;
import io.sessiongrid.sni.sharding.RangeTemperature;
import io.sessiongrid.sni.sharding.Temperature;

import java.util.Arrays;

/**
 * The pure state transitions of one chunk: decodes a {@link Chunk} into per-identifier arrays, changes them and
 * encodes the result. O(chunkSize) per call. Used inside entry processors; deterministic (time is an argument).
 */
final class ChunkEditor {
    private final int index;
    private final int size;
    private final byte[] kind;
    private final long[] holder;
    private final long[] stamp;
    private String owner;
    private long claimedAt;
    private long lastActivity;
    private long pinnedUntil;
    private boolean changed;

    private ChunkEditor(int index, int size) {
        this.index = index;
        this.size = size;
        this.kind = new byte[size];
        this.holder = new long[size];
        this.stamp = new long[size];
    }

    /** Opens a chunk; {@code null} is an untouched chunk of the free pool. */
    static ChunkEditor open(Chunk chunk, int index, int size) {
        ChunkEditor e = new ChunkEditor(index, size);
        if (chunk != null) {
            e.owner = chunk.owner();
            e.claimedAt = chunk.claimedAt();
            e.lastActivity = chunk.lastActivity();
            e.pinnedUntil = chunk.pinnedUntil();
            for (int r = 0; r < chunk.runCount(); r++) {
                int from = chunk.starts()[r];
                int to = from + chunk.lengths()[r];
                Arrays.fill(e.kind, from, to, chunk.kinds()[r]);
                Arrays.fill(e.holder, from, to, chunk.holders()[r]);
                Arrays.fill(e.stamp, from, to, chunk.stamps()[r]);
            }
        }
        return e;
    }

    boolean changed() {
        return changed;
    }

    String owner() {
        return owner;
    }

    boolean ownedBy(String app) {
        return app.equals(owner);
    }

    int free() {
        int free = 0;
        for (byte k : kind) {
            if (k == 0) {
                free++;
            }
        }
        return free;
    }

    /** Identifiers an allocation of the owner could take: free ones and live reserved ones. */
    int available(long now) {
        int available = 0;
        for (int i = 0; i < size; i++) {
            if (kind[i] == 0 || kind[i] == Chunk.RESERVED && stamp[i] > now) {
                available++;
            }
        }
        return available;
    }

    int held() {
        return size - free();
    }

    /** Encodes the state; runs merge identifiers with equal kind, holder and stamp. */
    Chunk close() {
        int runs = 0;
        for (int i = 0; i < size; i++) {
            if (kind[i] != 0 && (i == 0 || !sameRun(i - 1, i))) {
                runs++;
            }
        }
        int[] starts = new int[runs];
        int[] lengths = new int[runs];
        byte[] kinds = new byte[runs];
        long[] holders = new long[runs];
        long[] stamps = new long[runs];
        int r = -1;
        for (int i = 0; i < size; i++) {
            if (kind[i] == 0) {
                continue;
            }
            if (i == 0 || !sameRun(i - 1, i)) {
                r++;
                starts[r] = i;
                kinds[r] = kind[i];
                holders[r] = holder[i];
                stamps[r] = stamp[i];
            }
            lengths[r]++;
        }
        return new Chunk(index, owner, claimedAt, lastActivity, pinnedUntil, starts, lengths, kinds, holders, stamps);
    }

    private boolean sameRun(int a, int b) {
        return kind[a] == kind[b] && holder[a] == holder[b] && stamp[a] == stamp[b];
    }

    /** Takes the chunk for {@code app} if it is free (or already the app's). */
    boolean claim(String app, long now, long pin) {
        if (owner != null) {
            if (owner.equals(app) && pin > pinnedUntil) {
                pinnedUntil = pin;
                changed = true;
            }
            return owner.equals(app);
        }
        owner = app;
        claimedAt = now;
        lastActivity = now;
        pinnedUntil = pin;
        changed = true;
        return true;
    }

    /** Pins the chunk until {@code until} (a range reservation), or unpins it when the pin was exactly {@code unpinIf}. */
    void pin(long until, long unpinIf, long now) {
        if (until > pinnedUntil) {
            pinnedUntil = until;
            changed = true;
        } else if (unpinIf != 0 && pinnedUntil == unpinIf) {
            pinnedUntil = now;
            changed = true;
        }
    }

    /**
     * Gives up to {@code count} identifiers to lease {@code lease}: reserved ones first (when
     * {@code preferReserved}), then free ones, lowest offsets first. A retry of the same lease returns what the lease
     * already holds here instead of taking more. {@code fromReserved[0]} receives how many came from reservations.
     */
    Ranges allocate(long lease, int count, long now, boolean preferReserved, int[] fromReserved) {
        Ranges out = holdings(Chunk.LEASED, lease);
        if (out.total() > 0) {
            return out;
        }
        int taken = 0;
        if (preferReserved) {
            for (int i = 0; i < size && taken < count; i++) {
                if (kind[i] == Chunk.RESERVED && stamp[i] > now) {
                    set(i, Chunk.LEASED, lease, now);
                    taken++;
                }
            }
            fromReserved[0] = taken;
        }
        for (int i = 0; i < size && taken < count; i++) {
            if (kind[i] == 0) {
                set(i, Chunk.LEASED, lease, now);
                taken++;
            }
        }
        if (taken > 0) {
            touch(now);
        }
        return holdings(Chunk.LEASED, lease);
    }

    /** Reserves up to {@code count} free identifiers for reservation {@code reservation} until {@code expiresAt}. */
    Ranges reserve(long reservation, int count, long expiresAt, long now) {
        Ranges existing = holdings(Chunk.RESERVED, reservation);
        if (existing.total() > 0) {
            return existing;
        }
        int taken = 0;
        for (int i = 0; i < size && taken < count; i++) {
            if (kind[i] == 0) {
                set(i, Chunk.RESERVED, reservation, expiresAt);
                taken++;
            }
        }
        if (taken > 0) {
            touch(now);
        }
        return holdings(Chunk.RESERVED, reservation);
    }

    /** Frees the leased identifiers in [from, from+length); counts {released, alreadyFree, reserved}. */
    void release(int from, int length, long now, long[] counts) {
        for (int i = from; i < from + length; i++) {
            switch (kind[i]) {
                case 0 -> counts[1]++;
                case Chunk.LEASED -> {
                    set(i, (byte) 0, 0, 0);
                    counts[0]++;
                }
                default -> counts[2]++;
            }
        }
        if (counts[0] > 0) {
            touch(now);
        }
    }

    /**
     * Completes a local hand-over: identifiers in [from, from+length) still reserved by one of {@code reservations}
     * become leased by {@code lease} with heartbeat {@code now}. Identifiers held otherwise are left alone (a
     * reservation never regains an identifier once it let it go, so only the lease it was handed to can name it).
     *
     * @return how many identifiers changed hands
     */
    int adopt(long lease, long[] reservations, int from, int length, long now) {
        int adopted = 0;
        for (int i = from; i < from + length; i++) {
            if (kind[i] == Chunk.RESERVED && contains(reservations, holder[i])) {
                set(i, Chunk.LEASED, lease, now);
                adopted++;
            }
        }
        return adopted;
    }

    private static boolean contains(long[] values, long value) {
        for (long v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** Refreshes the heartbeat of the lease's identifiers; returns how many it still holds. */
    int heartbeat(long lease, long now) {
        int live = 0;
        for (int i = 0; i < size; i++) {
            if (kind[i] == Chunk.LEASED && holder[i] == lease) {
                if (now > stamp[i]) {
                    // Mark the change here, not only through touch(): two heartbeats in the same millisecond
                    // (lastActivity already == now) must both be written.
                    stamp[i] = now;
                    changed = true;
                }
                live++;
            }
        }
        if (live > 0) {
            touch(now);
        }
        return live;
    }

    /** Frees everything {@code holderId} holds with {@code holderKind}; returns how many. */
    int releaseHolder(long holderId, byte holderKind) {
        int freed = 0;
        for (int i = 0; i < size; i++) {
            if (kind[i] == holderKind && holder[i] == holderId) {
                set(i, (byte) 0, 0, 0);
                freed++;
            }
        }
        return freed;
    }

    /** Moves the expiry of a reservation's identifiers; returns what it still holds. */
    Ranges extend(long reservation, long expiresAt) {
        for (int i = 0; i < size; i++) {
            if (kind[i] == Chunk.RESERVED && holder[i] == reservation && stamp[i] != expiresAt) {
                stamp[i] = expiresAt;
                changed = true;
            }
        }
        return holdings(Chunk.RESERVED, reservation);
    }

    /**
     * Manual reclamation of [from, from+length): each identifier is reclaimed or refused by the policy; the returned
     * runs carry code 0 for reclaimed, {@code RefusalReason.ordinal() + 1} for refused.
     */
    void reclaim(int from, int length, ReclaimPolicy policy, long now, Ranges out) {
        for (int i = from; i < from + length; i++) {
            Holding holding = kind[i] == 0 ? Holding.FREE : kind[i] == Chunk.LEASED ? Holding.LEASED : Holding.RESERVED;
            ReclaimDecision decision = policy.decide(holding, stamp[i], now);
            if (decision instanceof ReclaimDecision.Refuse refuse) {
                out.add(i, (byte) (refuse.reason().ordinal() + 1));
            } else {
                set(i, (byte) 0, 0, 0);
                out.add(i, (byte) 0);
            }
        }
    }

    /**
     * The automatic sweep: frees identifiers of idle leases and expired reservations ({@code counts[0]},
     * {@code counts[1]}), then returns the chunk to the free pool when it is empty, unpinned and cold.
     *
     * @return whether the chunk went back to the free pool
     */
    boolean sweep(ReclaimPolicy policy, RangeTemperature temperature, long now, long[] counts) {
        for (int i = 0; i < size; i++) {
            if (kind[i] == Chunk.LEASED && policy.isIdle(stamp[i], now)) {
                set(i, (byte) 0, 0, 0);
                counts[0]++;
            } else if (kind[i] == Chunk.RESERVED && now >= stamp[i]) {
                set(i, (byte) 0, 0, 0);
                counts[1]++;
            }
        }
        if (owner != null && held() == 0 && pinnedUntil <= now
                && temperature.classify(lastActivity, now) == Temperature.COLD) {
            owner = null;
            pinnedUntil = 0;
            changed = true;
            return true;
        }
        return false;
    }

    private Ranges holdings(byte holderKind, long holderId) {
        Ranges out = new Ranges();
        for (int i = 0; i < size; i++) {
            if (kind[i] == holderKind && holder[i] == holderId) {
                out.add(i);
            }
        }
        return out;
    }

    private void set(int i, byte k, long h, long s) {
        kind[i] = k;
        holder[i] = h;
        stamp[i] = s;
        changed = true;
    }

    private void touch(long now) {
        if (now > lastActivity) {
            lastActivity = now;
            changed = true;
        }
    }
}
