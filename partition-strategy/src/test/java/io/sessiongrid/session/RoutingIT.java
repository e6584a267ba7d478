package io.sessiongrid.session;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.session.internal.SessionKey;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PartitionAware keys route identically from members and clients, co-locate or spread as configured. */
class RoutingIT {
    private static final String[] SPREAD_TYPES = {"game", "replay", "inventory", "media", "voice", "map", "stats", "log"};

    static List<HazelcastInstance> members = new ArrayList<>();
    static HazelcastInstance client;
    static SessionGridConfig config;
    static SessionStore onMember;
    static SessionStore onClient;

    @BeforeAll
    static void startCluster() {
        List<PartitionTypeConfig> types = new ArrayList<>();
        types.add(StoreFixtures.type("auth", 4096, Placement.SESSION));
        types.add(StoreFixtures.type("cart", 4096, Placement.SESSION));
        for (String spread : SPREAD_TYPES) {
            types.add(StoreFixtures.type(spread, 4096, Placement.SPREAD));
        }
        config = StoreFixtures.config(null, types.toArray(PartitionTypeConfig[]::new));
        String cluster = TestClusters.uniqueName(RoutingIT.class);
        for (int i = 0; i < 3; i++) {
            members.add(StoreFixtures.member(cluster, config));
        }
        await().until(() -> members.get(0).getCluster().getMembers().size() == 3);
        client = StoreFixtures.client(cluster, members.toArray(HazelcastInstance[]::new));
        onMember = SessionStores.create(members.get(1), config);
        onClient = SessionStores.create(client, config);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        members.forEach(HazelcastInstance::shutdown);
    }

    @Test
    void writtenThroughAClientFoundThroughAMemberAndBack() {
        for (int i = 0; i < 300; i++) {
            onClient.set("c2m-" + i, "auth", Map.of("n", String.valueOf(i)));
            onClient.set("c2m-" + i, "game", Map.of("n", String.valueOf(i)));
            onMember.set("m2c-" + i, "cart", Map.of("n", String.valueOf(i)));
            onMember.set("m2c-" + i, "media", Map.of("n", String.valueOf(i)));
        }
        for (int i = 0; i < 300; i++) {
            String n = String.valueOf(i);
            assertEquals(n, onMember.get("c2m-" + i, "auth").orElseThrow().elements().get("n"));
            assertEquals(n, onMember.get("c2m-" + i, "game").orElseThrow().elements().get("n"));
            assertEquals(n, onClient.get("m2c-" + i, "cart").orElseThrow().elements().get("n"));
            assertEquals(n, onClient.get("m2c-" + i, "media").orElseThrow().elements().get("n"));
        }
        // No stray copies: each map holds exactly the keys written, so every read above hit its own entry.
        assertEquals(300, keysWithPrefix("auth", "c2m-"));
        assertEquals(300, keysWithPrefix("media", "m2c-"));
    }

    @Test
    void clientAndMemberComputeTheSamePartitionForEveryKey() {
        for (int i = 0; i < 200; i++) {
            for (PartitionTypeConfig type : config.partitions().values()) {
                SessionKey key = new SessionKey("route-" + i, type.name(), type.placement() == Placement.SPREAD);
                assertEquals(members.get(0).getPartitionService().getPartition(key).getPartitionId(),
                        client.getPartitionService().getPartition(key).getPartitionId());
            }
        }
    }

    @Test
    void coLocatedPartitionsOfASessionShareOneOwner() {
        for (int i = 0; i < 100; i++) {
            String session = "colo-" + i;
            onClient.set(session, "auth", Map.of("t", "x"));
            onClient.set(session, "cart", Map.of("i", "1"));
            Member authOwner = owner(new SessionKey(session, "auth", false));
            assertEquals(authOwner, owner(new SessionKey(session, "cart", false)));
            // The session id alone routes to the same place, so any record keyed by the session joins it.
            assertEquals(authOwner, members.get(0).getPartitionService().getPartition(session).getOwner());
        }
    }

    @Test
    void spreadPartitionsOfOneSessionLandOnSeveralMembers() {
        String session = "spread-1";
        Set<Member> owners = new HashSet<>();
        Set<Integer> partitionIds = new HashSet<>();
        for (String type : SPREAD_TYPES) {
            onClient.set(session, type, Map.of("v", type));
            SessionKey key = new SessionKey(session, type, true);
            owners.add(owner(key));
            partitionIds.add(members.get(0).getPartitionService().getPartition(key).getPartitionId());
            assertEquals(type, onMember.get(session, type).orElseThrow().elements().get("v"));
        }
        assertTrue(partitionIds.size() >= SPREAD_TYPES.length - 1, "spread keys hash apart: " + partitionIds);
        assertTrue(owners.size() >= 2, "spread partitions of one session sit on " + owners.size() + " member(s)");
    }

    private static long keysWithPrefix(String type, String prefix) {
        return members.get(2).<SessionKey, Object>getMap(SessionStores.mapName(type)).keySet().stream()
                .filter(k -> k.sessionId().startsWith(prefix)).count();
    }

    private static Member owner(Object key) {
        return members.get(0).getPartitionService().getPartition(key).getOwner();
    }
}
