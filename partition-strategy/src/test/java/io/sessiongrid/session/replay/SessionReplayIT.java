package io.sessiongrid.session.replay;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nearcache.NearCacheStats;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.RoleConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm copy on a lite member: only the chosen types are copied, encrypted ones as ciphertext, reads are then
 * local, and the fence brings a copy that missed a write up to the owner's version.
 */
class SessionReplayIT {
    @TempDir
    static Path keys;
    static SessionGridConfig config;
    static HazelcastInstance member1;
    static HazelcastInstance member2;
    static HazelcastInstance lite;
    static SessionStore writer;
    static SessionStore onLite;
    static SessionReplay replay;

    @BeforeAll
    static void start() throws Exception {
        Path keyFile = keys.resolve("key");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[32]));
        SessionGridConfig base = io.sessiongrid.config.SessionGridConfigLoader.defaults();
        Map<String, PartitionTypeConfig> types = new LinkedHashMap<>();
        types.put("auth", new PartitionTypeConfig("auth", 4096, Duration.ZERO, 1, Placement.SESSION, true));
        types.put("cart", new PartitionTypeConfig("cart", 16384, Duration.ZERO, 1, Placement.SESSION, false));
        types.put("game", new PartitionTypeConfig("game", 16384, Duration.ZERO, 1, Placement.SPREAD, false));
        config = new SessionGridConfig(types, Map.of("shop", new RoleConfig("shop", List.of("auth", "cart"))),
                new io.sessiongrid.config.EncryptionConfig("SESSIONGRID_TEST_KEY_NOT_SET", keyFile), base.analyzer(),
                base.scaling(), base.sni());
        String cluster = TestClusters.uniqueName(SessionReplayIT.class);
        member1 = member(cluster, false);
        member2 = member(cluster, false);
        lite = member(cluster, true);
        writer = SessionStores.create(member1, config);
        onLite = SessionStores.create(lite, config);
        replay = SessionReplays.create(lite, config);
    }

    static HazelcastInstance member(String cluster, boolean liteMember) {
        Config c = SessionStores.configureMember(TestClusters.memberConfig(cluster), config);
        SessionReplays.configureMember(c, liteMember ? SessionReplays.typesOf(config, "shop") : List.of());
        return Hazelcast.newHazelcastInstance(c.setLiteMember(liteMember));
    }

    @AfterAll
    static void stop() {
        for (HazelcastInstance h : new HazelcastInstance[] {lite, member2, member1}) {
            if (h != null) {
                h.shutdown();
            }
        }
    }

    @Test
    void copiesOnlyTheChosenTypesEncryptedOnesAsCiphertextAndServesReadsLocally() {
        Map<String, String> cart = Map.of("sku", "x".repeat(500));
        writer.set("r-1", "auth", Map.of("token", "secret-token"));
        writer.set("r-1", "cart", cart);
        writer.set("r-1", "game", Map.of("level", "9"));
        assertEquals(Set.of("auth", "cart"), replay.warmTypes());

        ReplayResult copied = replay.warm(List.of("r-1"), List.of("auth", "cart", "game"));

        assertEquals(2, copied.partitionsFetched(), "game has no warm copy on this node: not fetched");
        int cartJson = "{\"sku\":\"\"}".length() + 500;
        long authBytes = copied.bytesFetched() - cartJson;
        // AES-GCM adds a 12-byte nonce and a 16-byte tag (and a version byte) to the sealed JSON.
        int authJson = "{\"token\":\"secret-token\"}".getBytes(StandardCharsets.UTF_8).length;
        assertTrue(authBytes > authJson, "the encrypted type is copied sealed: " + authBytes + " bytes");
        long hits = stats("cart").getHits();
        assertEquals(cart, onLite.get("r-1", "cart").orElseThrow().elements());
        assertEquals("secret-token", onLite.get("r-1", "auth").orElseThrow().elements().get("token"));
        assertEquals(hits + 1, stats("cart").getHits(), "the read after the copy came from the warm copy");
        assertEquals(Map.of("r-1", Set.of("auth", "cart", "game")), replay.held(List.of("r-1"), List.of("auth", "cart", "game")));
    }

    @Test
    void theFencePassesOnceTheCopyHasEveryAcknowledgedWrite() {
        writer.set("r-2", "cart", Map.of("n", "1"));
        replay.warm(List.of("r-2"), List.of("cart"));
        long v2 = writer.put("r-2", "cart", "n", "2");

        FenceResult fence = replay.fence(List.of("r-2"), List.of("cart"), Instant.now().plusSeconds(5));

        assertTrue(fence.current(), fence::toString);
        assertEquals(v2, onLite.get("r-2", "cart").orElseThrow().version());
        assertEquals("2", onLite.get("r-2", "cart").orElseThrow().elements().get("n"));
    }

    private static NearCacheStats stats(String type) {
        return lite.getMap(SessionStores.mapName(type)).getLocalMapStats().getNearCacheStats();
    }
}
