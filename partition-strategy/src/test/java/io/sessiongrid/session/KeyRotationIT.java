package io.sessiongrid.session;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key rotation end to end through a client: write, rotate, read old and new, re-seal, drop the old key; and the
 * same from a single Base64 key (payload format 1) to a keyset. Each test has its own encrypted type: a reseal reads
 * the whole map, and fails on a payload whose key is missing.
 */
class KeyRotationIT {
    @TempDir
    static Path dir;
    static Path keyFile;
    static HazelcastInstance member;
    static HazelcastInstance client;
    static SessionGridConfig config;

    @BeforeAll
    static void start() {
        keyFile = dir.resolve("keys");
        config = StoreFixtures.config(keyFile, StoreFixtures.type("cart", 4096, Placement.SESSION),
                new PartitionTypeConfig("secret", 4096, Duration.ZERO, 1, Placement.SESSION, true),
                new PartitionTypeConfig("vault", 4096, Duration.ZERO, 1, Placement.SPREAD, true));
        String cluster = TestClusters.uniqueName(KeyRotationIT.class);
        member = StoreFixtures.member(cluster, config);
        client = StoreFixtures.client(cluster, member);
    }

    @AfterAll
    static void stop() {
        TestClusters.shutdown(client, member);
    }

    /** A store that loads the key file as it is now (as a restarted application would). */
    private static SessionStore storeWith(String keys) throws Exception {
        Files.writeString(keyFile, keys);
        return SessionStores.create(client, config);
    }

    private static long primary(String keyset) {
        return EncryptionKeysets.keys(keyset).stream().filter(EncryptionKeysets.KeyInfo::primary).findFirst()
                .orElseThrow().id();
    }

    @Test
    void writeRotateReadResealDrop() throws Exception {
        String first = EncryptionKeysets.create();
        long firstId = primary(first);
        storeWith(first).set("rot-old", "secret", Map.of("token", "t-1"));

        String rotated = EncryptionKeysets.addKey(first, true);
        SessionStore store = storeWith(rotated);
        store.set("rot-new", "secret", Map.of("token", "t-2"));
        assertEquals(Map.of("token", "t-1"), store.get("rot-old", "secret").orElseThrow().elements(), "old key reads");
        assertEquals(Map.of("token", "t-2"), store.get("rot-new", "secret").orElseThrow().elements(), "new key reads");

        String dropped = EncryptionKeysets.drop(rotated, firstId);
        SessionStore tooEarly = storeWith(dropped);
        EncryptionException e = assertThrows(EncryptionException.class, () -> tooEarly.get("rot-old", "secret"));
        assertTrue(e.getMessage().contains("key id " + firstId), e.getMessage());

        long version = store.get("rot-old", "secret").orElseThrow().version();
        assertEquals(1, store.reseal("secret"), "only the payload sealed with the old key");
        assertEquals(0, store.reseal("secret"), "nothing left to reseal");
        SessionStore after = storeWith(dropped);
        SessionPartition old = after.get("rot-old", "secret").orElseThrow();
        assertEquals(Map.of("token", "t-1"), old.elements());
        assertEquals(version, old.version(), "re-sealing keeps the version");
        assertEquals(Map.of("token", "t-2"), after.get("rot-new", "secret").orElseThrow().elements());
        assertThrows(EncryptionException.class, () -> after.reseal("cart"), "cart is not encrypted");
    }

    @Test
    void aSingleBase64KeyMovesToAKeyset() throws Exception {
        byte[] key = new byte[32];
        key[0] = 7;
        storeWith(Base64.getEncoder().encodeToString(key)).set("legacy-1", "vault", Map.of("token", "t-0"));

        String keyset = EncryptionKeysets.addKey(EncryptionKeysets.importKey(null, key, true), true);
        SessionStore store = storeWith(keyset);
        assertEquals(Map.of("token", "t-0"), store.get("legacy-1", "vault").orElseThrow().elements());
        assertEquals(1, store.reseal("vault"));
        long legacyId = EncryptionKeysets.keys(keyset).stream().filter(k -> !k.primary()).findFirst().orElseThrow().id();
        SessionStore keysetOnly = storeWith(EncryptionKeysets.drop(keyset, legacyId));
        assertEquals(Map.of("token", "t-0"), keysetOnly.get("legacy-1", "vault").orElseThrow().elements());
    }
}
