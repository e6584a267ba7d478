package io.sessiongrid.session.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.flakeidgen.FlakeIdGenerator;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.session.EncryptionException;
import io.sessiongrid.session.Names;
import io.sessiongrid.session.PartitionNotFoundException;
import io.sessiongrid.session.PartitionTooLargeException;
import io.sessiongrid.session.SessionPartition;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStoreException;
import io.sessiongrid.session.UnknownPartitionTypeException;
import io.sessiongrid.session.VersionConflictException;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link SessionStore} over one IMap per partition type; works the same on a member or a client instance. */
public final class HazelcastSessionStore implements SessionStore {
    /** Bound on read-modify-write retries of encrypted deltas under contention. */
    private static final int MAX_SEALED_RETRIES = 64;
    /** Bound on retries of an operation whose outcome a member loss left unknown. */
    private static final int MAX_INDETERMINATE_RETRIES = 5;

    private final Map<String, PartitionType> types = new LinkedHashMap<>();
    private final List<String> typeNames;
    private final Clock clock;
    private final FlakeIdGenerator versions;

    public HazelcastSessionStore(HazelcastInstance hazelcast, SessionGridConfig config, Clock clock,
                                 Function<String, String> env) {
        this.clock = clock;
        this.versions = hazelcast.getFlakeIdGenerator(SessionMaps.VERSIONS);
        PayloadCipher cipher = null;
        for (PartitionTypeConfig type : config.partitions().values()) {
            if (type.encrypted() && cipher == null) {
                cipher = EncryptionKeys.cipher(config.encryption(), env, type.name());
            }
        }
        for (PartitionTypeConfig type : config.partitions().values()) {
            types.put(type.name(), new PartitionType(type, hazelcast, cipher));
        }
        this.typeNames = List.copyOf(types.keySet());
    }

    @Override
    public Set<String> partitions(String sessionId) {
        Names.requireSessionId(sessionId);
        return retried(() -> presentTypes(sessionId));
    }

    private Set<String> presentTypes(String sessionId) {
        List<CompletableFuture<Boolean>> exists = new ArrayList<>(types.size());
        for (PartitionType type : types.values()) {
            exists.add(type.map.submitToKey(type.key(sessionId), ExistsProcessor.INSTANCE).toCompletableFuture());
        }
        Set<String> present = new LinkedHashSet<>();
        for (int i = 0; i < exists.size(); i++) {
            if (join(exists.get(i))) {
                present.add(typeNames.get(i));
            }
        }
        return present;
    }

    @Override
    public Optional<SessionPartition> get(String sessionId, String partition) {
        PartitionType type = type(sessionId, partition);
        StoredPartition stored = retried(() -> type.map.get(type.key(sessionId)));
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new SessionPartition(sessionId, partition, stored.version(),
                Instant.ofEpochMilli(stored.updatedAt()), elements(type, sessionId, stored)));
    }

    /** The stored elements, checked: a record written outside the API fails here, typed, for this partition only. */
    private static Map<String, String> elements(PartitionType type, String sessionId, StoredPartition stored) {
        String problem = stored.invariantViolation();
        if (problem == null && type.cipher != null && !stored.isSealed()) {
            problem = "it holds plain elements but its type is encrypted";
        }
        if (problem != null) {
            throw type.corrupt(sessionId, problem);
        }
        String json = stored.isSealed() ? opener(type).open(sessionId, type.name(), stored.sealed()) : stored.elements();
        try {
            return ElementCodec.decode(json);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw type.corrupt(sessionId, e.getMessage());
        }
    }

    @Override
    public long set(String sessionId, String partition, Map<String, String> elements) {
        return write(sessionId, partition, false, ABSENT, elements);
    }

    @Override
    public long setIfVersion(String sessionId, String partition, long expectedVersion, Map<String, String> elements) {
        if (expectedVersion < 0) {
            throw new SessionStoreException("expected version " + expectedVersion + " is negative; versions are "
                    + ABSENT + " (absent) or positive");
        }
        return write(sessionId, partition, true, expectedVersion, elements);
    }

    @Override
    public long put(String sessionId, String partition, String element, String value) {
        Names.requireName("element", element);
        if (value == null) {
            throw new SessionStoreException("value of element '" + element + "' is null; to drop an element use remove(...)");
        }
        return delta(sessionId, partition, element, value);
    }

    @Override
    public long remove(String sessionId, String partition, String element) {
        Names.requireName("element", element);
        return delta(sessionId, partition, element, null);
    }

    @Override
    public int delete(String sessionId) {
        Names.requireSessionId(sessionId);
        return retried(() -> deleteAll(sessionId));
    }

    private int deleteAll(String sessionId) {
        List<CompletableFuture<Boolean>> deleted = new ArrayList<>(types.size());
        for (PartitionType type : types.values()) {
            deleted.add(type.map.deleteAsync(type.key(sessionId)).toCompletableFuture());
        }
        int count = 0;
        for (CompletableFuture<Boolean> d : deleted) {
            count += join(d) ? 1 : 0;
        }
        return count;
    }

    private long write(String sessionId, String partition, boolean conditional, long expected,
                       Map<String, String> elements) {
        PartitionType type = type(sessionId, partition);
        ElementCodec.Encoded encoded = encodeChecked(sessionId, type, elements);
        String json = encoded.json();
        int size = encoded.utf8Bytes();
        if (size > type.config.maxBytes()) {
            throw new PartitionTooLargeException(sessionId, partition, size, type.config.maxBytes());
        }
        long version = versions.newId();
        StoredPartition stored = type.cipher == null
                ? new StoredPartition(version, clock.millis(), json, null, size)
                : new StoredPartition(version, clock.millis(), null, type.cipher.seal(sessionId, partition, json), size);
        SessionKey key = type.key(sessionId);
        if (!conditional) {
            // A plain set needs nothing from the stored entry: one IMap set, repeated as is if its outcome is unknown.
            retried(() -> {
                type.map.set(key, stored);
                return null;
            });
            return version;
        }
        SetIfVersionProcessor processor = new SetIfVersionProcessor(expected, stored);
        boolean repeated = false;
        for (int attempt = 1; ; attempt++) {
            try {
                WriteResult result = type.map.executeOnKey(key, processor);
                if (result.status() == WriteResult.Status.VERSION_CONFLICT) {
                    if (repeated && result.version() == version) {
                        return version; // the attempt whose outcome was unknown did land
                    }
                    throw new VersionConflictException(sessionId, partition, expected, result.version());
                }
                return result.version();
            } catch (IndeterminateOperationStateException e) {
                // The owner died before its backup confirmed; the version we wrote tells whether it landed.
                giveUpAfter(attempt, e);
                repeated = true;
            }
        }
    }

    private long delta(String sessionId, String partition, String element, String value) {
        PartitionType type = type(sessionId, partition);
        if (type.cipher != null) {
            return sealedDelta(type, sessionId, element, value);
        }
        ElementDeltaProcessor processor = new ElementDeltaProcessor(element, value, versions.newId(), clock.millis(),
                type.config.maxBytes());
        // Setting or removing one element twice leaves the same content, so an unknown outcome is retried.
        WriteResult result = retried(() -> type.map.executeOnKey(type.key(sessionId), processor));
        return switch (result.status()) {
            case OK -> result.version();
            case MISSING -> throw new PartitionNotFoundException(sessionId, partition);
            case TOO_LARGE -> throw new PartitionTooLargeException(sessionId, partition, result.sizeBytes(),
                    type.config.maxBytes());
            case CORRUPT -> throw type.corrupt(sessionId, result.problem());
            case VERSION_CONFLICT -> throw new IllegalStateException("a delta never checks versions");
        };
    }

    @Override
    public int reseal(String partitionType) {
        Names.requireName("partition", partitionType);
        PartitionType type = types.get(partitionType);
        if (type == null) {
            throw new UnknownPartitionTypeException(partitionType, typeNames);
        }
        if (type.cipher == null) {
            throw new EncryptionException("partition type '" + partitionType + "' is not encrypted: nothing to reseal");
        }
        int resealed = 0;
        for (SessionKey key : type.map.keySet()) {
            StoredPartition stored = type.map.get(key);
            if (key.sessionId() == null || stored == null || !stored.isSealed() || type.cipher.isCurrent(stored.sealed())) {
                continue; // gone, not written by the store, or current already
            }
            String json = type.cipher.open(key.sessionId(), partitionType, stored.sealed());
            StoredPartition again = new StoredPartition(stored.version(), stored.updatedAt(), null,
                    type.cipher.seal(key.sessionId(), partitionType, json), stored.sizeBytes());
            // Same version: callers holding it are not disturbed; a write since our read wins (it used the primary key).
            WriteResult r = retried(() -> type.map.executeOnKey(key, new SetIfVersionProcessor(stored.version(), again)));
            resealed += r.status() == WriteResult.Status.OK ? 1 : 0;
        }
        return resealed;
    }

    /** Members never hold the key, so an encrypted delta is a read-modify-write fenced on the version. */
    private long sealedDelta(PartitionType type, String sessionId, String element, String value) {
        for (int attempt = 0; attempt < MAX_SEALED_RETRIES; attempt++) {
            SessionPartition current = get(sessionId, type.name())
                    .orElseThrow(() -> new PartitionNotFoundException(sessionId, type.name()));
            Map<String, String> elements = new LinkedHashMap<>(current.elements());
            boolean changed = value == null ? elements.remove(element) != null : !value.equals(elements.put(element, value));
            if (!changed) {
                return current.version();
            }
            try {
                return write(sessionId, type.name(), true, current.version(), elements);
            } catch (VersionConflictException raced) {
                // another writer changed it between our read and write: read again
            }
        }
        throw new SessionStoreException("element '" + element + "' of partition '" + type.name() + "' of session '"
                + sessionId + "' lost " + MAX_SEALED_RETRIES + " version races in a row; retry later");
    }

    /** Runs an operation that is safe to repeat, again when a member loss left its outcome unknown. */
    private static <T> T retried(Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (IndeterminateOperationStateException e) {
                giveUpAfter(attempt, e);
            }
        }
    }

    private static void giveUpAfter(int attempt, IndeterminateOperationStateException e) {
        if (attempt >= MAX_INDETERMINATE_RETRIES) {
            throw new SessionStoreException("the outcome of the operation stayed unknown after " + attempt
                    + " attempts because members kept leaving; retry when the cluster is stable", e);
        }
    }

    private PartitionType type(String sessionId, String partition) {
        Names.requireSessionId(sessionId);
        Names.requireName("partition", partition);
        PartitionType type = types.get(partition);
        if (type == null) {
            throw new UnknownPartitionTypeException(partition, typeNames);
        }
        return type;
    }

    private static ElementCodec.Encoded encodeChecked(String sessionId, PartitionType type, Map<String, String> elements) {
        if (elements == null) {
            throw new SessionStoreException("elements of partition '" + type.name() + "' of session '" + sessionId
                    + "' are null; pass an empty map for an empty partition");
        }
        for (Map.Entry<String, String> e : elements.entrySet()) {
            Names.requireName("element", e.getKey());
            if (e.getValue() == null) {
                throw new SessionStoreException("value of element '" + e.getKey() + "' is null; values must be strings");
            }
        }
        return ElementCodec.encodeSized(elements);
    }

    private static PayloadCipher opener(PartitionType type) {
        if (type.cipher == null) {
            throw new SessionStoreException("partition type '" + type.name() + "' holds an encrypted payload but is "
                    + "configured with encrypted: false; set encrypted: true and the key to read it");
        }
        return type.cipher;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
