package io.sessiongrid.metrics.internal;

import io.sessiongrid.metrics.Meters;
import io.sessiongrid.session.SessionPartition;
import io.sessiongrid.session.SessionStore;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link SessionStore} that times every call ({@code sessiongrid.store.operations}, tags {@code op} and
 * {@code outcome} = ok | error) and counts failures by exception type ({@code sessiongrid.store.errors}).
 * Timers are resolved once, so a call costs two {@code nanoTime} reads and one timer update.
 */
public final class MeteredSessionStore implements SessionStore {
    private static final String TIMER = "sessiongrid.store.operations";
    private static final String TIMER_HELP = "Session store calls by operation and outcome";

    private final SessionStore store;
    private final Meters meters;
    private final Op partitions;
    private final Op get;
    private final Op set;
    private final Op setIfVersion;
    private final Op put;
    private final Op remove;
    private final Op delete;
    private final Op reseal;

    public MeteredSessionStore(SessionStore store, Meters meters) {
        this.store = store;
        this.meters = meters;
        partitions = new Op("partitions");
        get = new Op("get");
        set = new Op("set");
        setIfVersion = new Op("setIfVersion");
        put = new Op("put");
        remove = new Op("remove");
        delete = new Op("delete");
        reseal = new Op("reseal");
    }

    @Override
    public Set<String> partitions(String sessionId) {
        return partitions.call(() -> store.partitions(sessionId));
    }

    @Override
    public Optional<SessionPartition> get(String sessionId, String partition) {
        return get.call(() -> store.get(sessionId, partition));
    }

    @Override
    public long set(String sessionId, String partition, Map<String, String> elements) {
        return set.call(() -> store.set(sessionId, partition, elements));
    }

    @Override
    public long setIfVersion(String sessionId, String partition, long expectedVersion, Map<String, String> elements) {
        return setIfVersion.call(() -> store.setIfVersion(sessionId, partition, expectedVersion, elements));
    }

    @Override
    public long put(String sessionId, String partition, String element, String value) {
        return put.call(() -> store.put(sessionId, partition, element, value));
    }

    @Override
    public long remove(String sessionId, String partition, String element) {
        return remove.call(() -> store.remove(sessionId, partition, element));
    }

    @Override
    public int delete(String sessionId) {
        return delete.call(() -> store.delete(sessionId));
    }

    @Override
    public int reseal(String partitionType) {
        return reseal.call(() -> store.reseal(partitionType));
    }

    private final class Op {
        private final String name;
        private final Meters.Timer ok;
        private final Meters.Timer error;

        Op(String name) {
            this.name = name;
            ok = meters.timer(TIMER, TIMER_HELP, "op", name, "outcome", "ok");
            error = meters.timer(TIMER, TIMER_HELP, "op", name, "outcome", "error");
        }

        <T> T call(Supplier<T> call) {
            long start = System.nanoTime();
            try {
                T result = call.get();
                ok.recordNanos(System.nanoTime() - start);
                return result;
            } catch (RuntimeException e) {
                error.recordNanos(System.nanoTime() - start);
                // Exception types are a bounded set (the store's own and Hazelcast's), so they make a fine tag.
                meters.counter("sessiongrid.store.errors", "Session store calls that failed, by exception type",
                        "op", name, "exception", e.getClass().getSimpleName()).increment();
                throw e;
            }
        }
    }
}
