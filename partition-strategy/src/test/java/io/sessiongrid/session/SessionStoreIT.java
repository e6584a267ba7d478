package io.sessiongrid.session;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's contract, run against the same cluster embedded (on the member) and through a client. */
class SessionStoreIT {
    @TempDir
    static Path keys;

    static HazelcastInstance member;
    static HazelcastInstance client;
    static SessionGridConfig config;
    static SessionStore embedded;
    static SessionStore remote;

    @BeforeAll
    static void startCluster() throws Exception {
        Path keyFile = keys.resolve("key");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[32]));
        config = StoreFixtures.config(keyFile,
                StoreFixtures.type("auth", 4096, Placement.SESSION),
                StoreFixtures.type("cart", 16384, Placement.SESSION),
                StoreFixtures.type("game", 65536, Placement.SPREAD),
                new PartitionTypeConfig("otp", 1024, Duration.ofSeconds(2), 1, Placement.SESSION, false),
                new PartitionTypeConfig("secret", 1024, Duration.ZERO, 1, Placement.SESSION, true));
        String cluster = TestClusters.uniqueName(SessionStoreIT.class);
        member = StoreFixtures.member(cluster, config);
        client = StoreFixtures.client(cluster, member);
        embedded = SessionStores.create(member, config);
        remote = SessionStores.create(client, config);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (member != null) {
            member.shutdown();
        }
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("embedded", embedded), Arguments.of("client", remote));
    }

    private static String session() {
        return "s-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void setGetAndListPartitions(String mode, SessionStore store) {
        String s = session();
        assertEquals(Set.of(), store.partitions(s));
        long v1 = store.set(s, "auth", Map.of("token", "t-1", "user", "alice"));
        store.set(s, "game", Map.of("level", "3"));
        assertEquals(List.of("auth", "game"), List.copyOf(store.partitions(s)));
        SessionPartition auth = store.get(s, "auth").orElseThrow();
        assertEquals(Map.of("token", "t-1", "user", "alice"), auth.elements());
        assertEquals(v1, auth.version());
        assertTrue(v1 != SessionStore.ABSENT);
        long v2 = store.set(s, "auth", Map.of("token", "t-2"));
        assertNotEquals(v1, v2);
        assertEquals(v2, store.get(s, "auth").orElseThrow().version());
        assertEquals(Map.of("token", "t-2"), store.get(s, "auth").orElseThrow().elements());
        assertTrue(store.get(s, "cart").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void elementDeltasChangeOnlyTheirElement(String mode, SessionStore store) {
        String s = session();
        long v1 = store.set(s, "cart", Map.of("item-1", "2", "item-2", "1"));
        long v2 = store.put(s, "cart", "item-3", "5");
        long v3 = store.remove(s, "cart", "item-1");
        assertEquals(3, Set.of(v1, v2, v3).size(), "every change gets a new version");
        assertEquals(v3, store.remove(s, "cart", "never-there"), "removing an absent element changes nothing");
        assertEquals(v3, store.put(s, "cart", "item-3", "5"), "an unchanged value changes nothing");
        assertEquals(v3, store.get(s, "cart").orElseThrow().version());
        assertEquals(Map.of("item-2", "1", "item-3", "5"), store.get(s, "cart").orElseThrow().elements());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void optimisticVersions(String mode, SessionStore store) {
        String s = session();
        long created = store.setIfVersion(s, "auth", SessionStore.ABSENT, Map.of("token", "a"));
        VersionConflictException exists = assertThrows(VersionConflictException.class,
                () -> store.setIfVersion(s, "auth", SessionStore.ABSENT, Map.of("token", "b")));
        assertEquals(created, exists.actual());
        long updated = store.setIfVersion(s, "auth", created, Map.of("token", "c"));
        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> store.setIfVersion(s, "auth", created, Map.of("token", "d")));
        assertEquals(updated, stale.actual());
        long delta = store.put(s, "auth", "user", "bob");
        assertThrows(VersionConflictException.class, () -> store.setIfVersion(s, "auth", updated, Map.of()),
                "a delta is a change that conditional writers see");
        assertEquals(Map.of("token", "c", "user", "bob"), store.get(s, "auth").orElseThrow().elements());
        assertEquals(delta, store.get(s, "auth").orElseThrow().version());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void deleteRemovesEveryPartition(String mode, SessionStore store) {
        String s = session();
        store.set(s, "auth", Map.of("token", "x"));
        store.set(s, "cart", Map.of());
        store.set(s, "game", Map.of("level", "1"));
        assertEquals(3, store.delete(s));
        assertEquals(Set.of(), store.partitions(s));
        assertEquals(0, store.delete(s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void partitionsExpireAfterTheirTypesTtl(String mode, SessionStore store) {
        String s = session();
        store.set(s, "otp", Map.of("code", "123456"));
        store.set(s, "auth", Map.of("token", "stays"));
        store.put(s, "otp", "tries", "1");
        await().atMost(Duration.ofSeconds(20)).until(() -> store.get(s, "otp").isEmpty());
        assertTrue(store.get(s, "auth").isPresent(), "a type without TTL does not expire");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void encryptedPartitionsAreSealedInTheGrid(String mode, SessionStore store) {
        String s = session();
        long v1 = store.set(s, "secret", Map.of("card", "4111-1111"));
        assertNotEquals(v1, store.put(s, "secret", "cvv", "123"));
        assertEquals(Map.of("card", "4111-1111", "cvv", "123"), store.get(s, "secret").orElseThrow().elements());
        Object raw = member.getMap(SessionStores.mapName("secret")).values().stream()
                .filter(v -> v.toString().contains("sealed")).findAny().orElseThrow();
        assertFalse(raw.toString().contains("4111"), "the grid holds only ciphertext: " + raw);
    }

    @Test
    void wrongKeyFailsClearlyAndNeverReturnsGarbage() throws Exception {
        String s = session();
        embedded.set(s, "secret", Map.of("card", "4111-1111"));
        Path otherKey = keys.resolve("other");
        byte[] key = new byte[32];
        key[0] = 1;
        Files.writeString(otherKey, Base64.getEncoder().encodeToString(key));
        SessionGridConfig wrong = StoreFixtures.config(otherKey, config.partitions().values().toArray(PartitionTypeConfig[]::new));
        SessionStore wrongStore = SessionStores.create(client, wrong);
        EncryptionException e = assertThrows(EncryptionException.class, () -> wrongStore.get(s, "secret"));
        assertTrue(e.getMessage().contains("not the one it was written with"), e.getMessage());
    }

    @Test
    void missingKeyFailsAtCreation() {
        SessionGridConfig noKey = StoreFixtures.config(null, config.partitions().values().toArray(PartitionTypeConfig[]::new));
        EncryptionException e = assertThrows(EncryptionException.class, () -> SessionStores.create(client, noKey));
        assertTrue(e.getMessage().contains("'secret' is encrypted but no key"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void badInputIsRefusedWithNothingWritten(String mode, SessionStore store) {
        String s = session();
        long original = store.set(s, "auth", Map.of("token", "orig"));
        assertThrows(InvalidNameException.class, () -> store.set(null, "auth", Map.of()));
        assertThrows(InvalidNameException.class, () -> store.set(" ", "auth", Map.of()));
        assertThrows(InvalidNameException.class, () -> store.set("s".repeat(129), "auth", Map.of()));
        assertThrows(InvalidNameException.class, () -> store.set(s, "au th", Map.of()));
        assertThrows(InvalidNameException.class, () -> store.set(s, "auth", Map.of("bad/name", "v")));
        assertThrows(InvalidNameException.class, () -> store.put(s, "auth", "x".repeat(65), "v"));

        UnknownPartitionTypeException unknown = assertThrows(UnknownPartitionTypeException.class,
                () -> store.set(s, "wallet", Map.of("a", "b")));
        assertTrue(unknown.getMessage().contains("[auth, cart, game, otp, secret]"), unknown.getMessage());

        PartitionTooLargeException whole = assertThrows(PartitionTooLargeException.class,
                () -> store.set(s, "auth", Map.of("token", "x".repeat(5000))));
        assertEquals(4096, whole.maxBytes());
        assertTrue(whole.getMessage().contains("at most 4096 bytes"), whole.getMessage());

        PartitionTooLargeException delta = assertThrows(PartitionTooLargeException.class,
                () -> store.put(s, "auth", "blob", "y".repeat(4090)));
        assertTrue(delta.sizeBytes() > 4096, delta.getMessage());

        PartitionNotFoundException missing = assertThrows(PartitionNotFoundException.class,
                () -> store.put(s, "cart", "item", "1"));
        assertTrue(missing.getMessage().contains("set(...) first"), missing.getMessage());
        assertThrows(PartitionNotFoundException.class, () -> store.remove(s, "cart", "item"));
        assertThrows(SessionStoreException.class, () -> store.put(s, "auth", "token", null));
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("token", null);
        assertThrows(SessionStoreException.class, () -> store.set(s, "auth", nullValue));

        assertEquals(List.of("auth"), List.copyOf(store.partitions(s)), "no partition was created by bad input");
        SessionPartition auth = store.get(s, "auth").orElseThrow();
        assertEquals(original, auth.version(), "no failed write changed the partition");
        assertEquals(Map.of("token", "orig"), auth.elements());
    }

    @Test
    void sqlReadsASessionsElement() {
        String s = session();
        remote.set(s, "cart", Map.of("item-7", "3", "coupon", "XMAS"));
        member.getSql().execute(SessionStores.sqlMapping("cart")).close();
        String query = "SELECT sessionId, version, JSON_VALUE(elements, '$.coupon') AS coupon FROM \""
                + SessionStores.mapName("cart") + "\" WHERE sessionId = ?";
        try (SqlResult result = client.getSql().execute(query, s)) {
            Iterator<SqlRow> rows = result.iterator();
            SqlRow row = rows.next();
            assertEquals(s, row.getObject("sessionId"));
            assertEquals(remote.get(s, "cart").orElseThrow().version(), (long) row.getObject("version"));
            assertEquals("XMAS", row.getObject("coupon"));
            assertFalse(rows.hasNext());
        }
    }
}
