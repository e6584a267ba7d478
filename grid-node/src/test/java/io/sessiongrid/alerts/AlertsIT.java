package io.sessiongrid.alerts;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.testkit.TestClusters;
import io.sessiongrid.time.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts reach an application's listener on a real node, in the node's (manual) time. */
class AlertsIT {
    static final String CLUSTER = TestClusters.uniqueName(AlertsIT.class);
    static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults();

    @Test
    void aLostMemberIsRaisedOnTheOtherNodeAfterItsHoldPeriod() throws Exception {
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-29T12:00:00Z"));
        List<Alert> heard = new CopyOnWriteArrayList<>();
        try (SessionGrid watcher = SessionGrid.start(NodeOptions.builder().config(CONFIG)
                .member(TestClusters.memberConfig(CLUSTER)).clock(time.clock()).scheduler(time).build())) {
            watcher.alerts().addListener(heard::add);
            // A lite member: it owns no partitions, so joining and dying move no data (a quick test).
            SessionGrid other = SessionGrid.embedded(CONFIG, TestClusters.memberConfig(CLUSTER).setLiteMember(true));
            await().atMost(Duration.ofSeconds(30)).until(() -> watcher.hazelcast().getCluster().getMembers().size() == 2);
            time.advance(Duration.ofSeconds(15)); // a check sees two members
            other.hazelcast().getLifecycleService().terminate();
            await().atMost(Duration.ofSeconds(60)).until(() -> watcher.hazelcast().getCluster().getMembers().size() == 1);
            time.advance(Duration.ofSeconds(15));
            assertTrue(heard.isEmpty(), "not before the hold period: " + heard);
            time.advance(AlertKind.MEMBER_LOST.holdFor());
            assertEquals(List.of(AlertKind.MEMBER_LOST), heard.stream().map(Alert::kind).toList());
            assertTrue(heard.get(0).firing());
            assertTrue(heard.get(0).detail().startsWith("1 member(s), 2 within"), heard.get(0).detail());
            assertEquals(java.util.Set.of(AlertKind.MEMBER_LOST), watcher.alerts().firing());
        }
    }
}
