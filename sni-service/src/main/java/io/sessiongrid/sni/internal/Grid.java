package io.sessiongrid.sni.internal;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import com.hazelcast.map.IMap;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.sni.PoolFigures;
import io.sessiongrid.sni.SniException;
import io.sessiongrid.sni.SniOptions;
import io.sessiongrid.sni.SniUnavailableException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The maps of one SNI namespace, the configuration, and error translation. */
final class Grid {
    final IMap<Integer, Chunk> chunks;
    final IMap<String, PoolDirectory> pool;
    final IMap<String, AppRecord> apps;
    final IMap<Long, ReservationRecord> reservations;
    final FlakeIdGenerator ids;
    final SniConfig config;
    final SniOptions options;
    final int chunkSize;
    final int chunkCount;
    final long totalIds;
    /** Last known application records: hints of where to allocate, never trusted for correctness. */
    final ConcurrentMap<String, AppRecord> appHints = new ConcurrentHashMap<>();

    Grid(HazelcastInstance instance, SniConfig config, SniOptions options) {
        String ns = options.namespace();
        this.chunks = instance.getMap(ns + ".chunks");
        this.pool = instance.getMap(ns + ".pool");
        this.apps = instance.getMap(ns + ".apps");
        this.reservations = instance.getMap(ns + ".reservations");
        this.ids = instance.getFlakeIdGenerator(ns + ".ids");
        this.config = config;
        this.options = options;
        this.chunkSize = config.chunkSize();
        this.totalIds = 1L << config.widthBits();
        this.chunkCount = (int) (totalIds / chunkSize);
    }

    long now() {
        return options.clock().millis();
    }

    long idleMillis() {
        return config.idleTimeout().toMillis();
    }

    /** Current pool figures; free counts are -1 when the grid cannot tell (e.g. on a minority side). */
    PoolFigures figures() {
        try {
            int[] f = pool.executeOnKey(PoolDirectory.KEY, new DirectoryProcessors.Figures());
            if (f == null) {
                return new PoolFigures(totalIds, totalIds, chunkSize, chunkCount);
            }
            // Free identifiers inside owned chunks are not counted here (poolStatus() scans them): a lower bound.
            return new PoolFigures(totalIds, (long) f[1] * chunkSize, chunkSize, f[1]);
        } catch (RuntimeException e) {
            return new PoolFigures(totalIds, -1, chunkSize, -1);
        }
    }

    /** Our exceptions pass; Hazelcast failures become {@link SniUnavailableException}. */
    RuntimeException translate(RuntimeException e, String what) {
        if (e instanceof SniException) {
            return e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SplitBrainProtectionException) {
                return new SniUnavailableException(what + " refused: this side of the cluster is below the SNI "
                        + "split-brain protection minimum (a minority never allocates)", figures(), e);
            }
        }
        if (e instanceof HazelcastException || e instanceof IllegalStateException) {
            return new SniUnavailableException(what + " failed: " + e.getMessage(), figures(), e);
        }
        return e;
    }
}
