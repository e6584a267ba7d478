package io.sessiongrid.sni;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SNI maps read through the published SQL mappings, from a client. */
class SniSqlIT {
    private static final SniConfig CONFIG = new SniConfig(16, 256, Duration.ofHours(24), Duration.ofMinutes(10));
    static HazelcastInstance member;
    static HazelcastInstance client;

    @BeforeAll
    static void start() {
        String cluster = TestClusters.uniqueName(SniSqlIT.class);
        member = SniTestCluster.member(cluster, CONFIG, 1);
        client = SniTestCluster.client(cluster, member);
        SniServices.sqlMappings().forEach(m -> member.getSql().execute(m).close());
    }

    @AfterAll
    static void stop() {
        TestClusters.shutdown(client, member);
    }

    private static List<SqlRow> rows(String query) {
        List<SqlRow> rows = new ArrayList<>();
        try (SqlResult result = client.getSql().execute(query)) {
            result.iterator().forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void appsReservationsPoolAndChunksAreQueryable() {
        SniService sni = SniServices.create(client, CONFIG);
        sni.registerApp("video", 2);
        sni.allocate("video", 10);
        Reservation r = sni.reserve("video", 20, Duration.ofMinutes(5));

        List<SqlRow> apps = rows("SELECT \"appId\", \"priority\" FROM \"sessiongrid.sni.apps\"");
        assertEquals(1, apps.size());
        assertEquals("video", apps.get(0).getObject("appId"));
        assertEquals(2, (int) apps.get(0).getObject("priority"));
        List<SqlRow> reservations = rows("SELECT \"id\", \"appId\", \"count\" FROM \"sessiongrid.sni.reservations\"");
        assertEquals(1, reservations.size());
        assertEquals(r.id(), (long) reservations.get(0).getObject("id"));
        assertEquals(20, (int) reservations.get(0).getObject("count"));
        List<SqlRow> pool = rows("SELECT \"chunks\", \"chunkSize\" FROM \"sessiongrid.sni.pool\"");
        assertEquals(1, pool.size());
        assertEquals(256, (int) pool.get(0).getObject("chunks"));
        assertEquals(256, (int) pool.get(0).getObject("chunkSize"));
        List<SqlRow> owned = rows("SELECT \"index\" FROM \"sessiongrid.sni.chunks\" WHERE \"owner\" = 'video'");
        assertEquals(false, owned.isEmpty(), "the app owns the chunks it allocated from");
    }
}
