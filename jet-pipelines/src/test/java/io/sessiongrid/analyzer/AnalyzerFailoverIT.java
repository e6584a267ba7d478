package io.sessiongrid.analyzer;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three members; one is killed while connections are recorded: the job goes on and windows keep coming. Trackers
 * stamp samples with the wall clock (no clock can be injected through {@link Analyzers}), so every wait is an
 * Awaitility condition with bounds far above what the job needs on an idle machine (restart after a loss: seconds).
 */
class AnalyzerFailoverIT {
    static HazelcastInstance[] members = new HazelcastInstance[3];

    @BeforeAll
    static void start() {
        String cluster = TestClusters.uniqueName(AnalyzerFailoverIT.class);
        for (int i = 0; i < members.length; i++) {
            members[i] = Hazelcast.newHazelcastInstance(AnalyzerPipelineIT.memberConfig(cluster));
        }
    }

    @AfterAll
    static void stop() {
        Job job = members[0].getJet().getJob(AnalyzerJobs.JOB_NAME);
        if (job != null) {
            job.cancel();
        }
        for (HazelcastInstance m : members) {
            m.getLifecycleService().terminate();
        }
    }

    @Test
    void theJobSurvivesTheLossOfAMemberAndWindowsKeepComing() throws Exception {
        // Every member starts the job, as grid-node does: one job runs.
        for (HazelcastInstance m : members) {
            AnalyzerJobs.ensureRunning(m, AnalyzerPipelineIT.ANALYZER, AnalyzerPipelineIT.HORIZON);
        }
        Job job = members[0].getJet().getJob(AnalyzerJobs.JOB_NAME);
        assertEquals(1, members[0].getJet().getJobs().stream()
                .filter(j -> AnalyzerJobs.JOB_NAME.equals(j.getName()) && !j.getStatus().isTerminal()).count());
        await().atMost(Duration.ofSeconds(60)).until(() -> job.getStatus() == JobStatus.RUNNING);
        ConnectionAnalyzer reader = Analyzers.analyzer(members[0], AnalyzerPipelineIT.ANALYZER);
        try (ConnectionTracker tracker = Analyzers.tracker(members[0], AnalyzerPipelineIT.ANALYZER)) {
            for (int c = 0; c < 20; c++) {
                tracker.opened("c" + c, "s" + (c % 5), "m0");
            }
            Thread load = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (int c = 0; c < 20; c++) {
                        tracker.request("c" + c, "get", 1, 1, 1, false);
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            load.setDaemon(true);
            load.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !reader.clusterSeries(AnalyzerPipelineIT.SECOND).isEmpty());
                await().atMost(Duration.ofSeconds(60)).until(() -> job.getMetrics().get("scoresComputed").stream()
                        .mapToLong(m -> m.value()).sum() > 0 || reader.score("s0", "c0").isPresent());

                long killedAt = System.currentTimeMillis();
                members[2].getLifecycleService().terminate();

                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                    assertEquals(JobStatus.RUNNING, job.getStatus());
                    List<SeriesPoint> cluster = reader.clusterSeries(AnalyzerPipelineIT.SECOND);
                    SeriesPoint newest = cluster.get(cluster.size() - 1);
                    assertTrue(newest.windowStart() > killedAt + 2000, "windows after the loss: " + newest);
                    assertTrue(newest.requests() > 0);
                    assertTrue(reader.score("s0", "c0").orElseThrow().windowEnd() > killedAt + 2000);
                });
            } finally {
                load.interrupt();
                load.join();
            }
        }
    }
}
