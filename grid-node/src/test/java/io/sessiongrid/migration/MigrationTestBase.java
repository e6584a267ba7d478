package io.sessiongrid.migration;

import io.sessiongrid.SessionGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The cluster migration tests share (one per test class): three data members, a lite member and a client, all
 * servers in the {@code shop-server} role (auth, cart). Test classes run one after another, each with its own.
 */
abstract class MigrationTestBase {
    static MigrationCluster cluster;
    static SessionGrid d1;
    static SessionGrid d2;
    static SessionGrid d3;
    static SessionGrid lite;
    static SessionGrid client;

    @BeforeAll
    static void startCluster(org.junit.jupiter.api.TestInfo test) {
        cluster = new MigrationCluster(test.getTestClass().orElseThrow());
        d1 = cluster.member("shop-server");
        d2 = cluster.member("shop-server");
        d3 = cluster.member("shop-server");
        lite = cluster.lite("shop-server");
        client = cluster.client("shop-server");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
