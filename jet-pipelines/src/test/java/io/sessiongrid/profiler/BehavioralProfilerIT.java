package io.sessiongrid.profiler;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.map.IMap;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Telemetry in through a client, the profiler job on a real member, profiles out, read from the client. */
class BehavioralProfilerIT {
    private static final ProfilerConfig CONFIG = new ProfilerConfig(Duration.ofSeconds(1), 5, 200, 1, "holt_winters");
    private static HazelcastInstance member;
    private static HazelcastInstance client;

    @BeforeAll
    static void start() {
        String cluster = TestClusters.uniqueName(BehavioralProfilerIT.class);
        member = Hazelcast.newHazelcastInstance(BehavioralProfiler.configure(TestClusters.memberConfig(cluster)));
        ClientConfig config = TestClusters.clientConfig(cluster, member);
        ProfilerSerialization.register(config.getSerializationConfig());
        client = HazelcastClient.newHazelcastClient(config);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (member != null) {
            Job job = member.getJet().getJob(BehavioralProfiler.JOB_NAME);
            if (job != null) {
                job.cancel();
                await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus().isTerminal());
            }
            member.getLifecycleService().terminate();
        }
    }

    @Test
    void telemetryBecomesAProfileWithAForecastReadableFromAClient() {
        Job job = BehavioralProfiler.submit(client, CONFIG);
        assertEquals(job.getId(), BehavioralProfiler.submit(member, CONFIG).getId(), "submitting twice is idempotent");
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.RUNNING);

        long t0 = 1_700_000_000_000L;
        for (int window = 0; window <= 40; window++) {
            for (int sample = 0; sample < 3; sample++) {
                long at = t0 + window * 1_000L + sample * 300L;
                BehavioralProfiler.record(client, new Telemetry("web", at, 10 + window, 0.4, 8L << 30, 1_000, 3_000,
                        5_000, 200));
                BehavioralProfiler.record(client, new Telemetry("batch", at, 4, 0.9, 1L << 30, 10, 10, 100, 0));
            }
        }

        IMap<String, AppProfile> profiles = client.getMap(BehavioralProfiler.PROFILES);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            AppProfile web = profiles.get("web");
            return web != null && web.historyWindows() == 40;
        });
        AppProfile web = profiles.get("web");
        assertEquals(t0 + 40_000, web.windowEnd(), "the last closed window is the 40th; the 41st is still open");
        assertEquals(49, web.vmCount());
        assertEquals(3, web.samples());
        assertEquals(4_000, web.networkBytesPerSecond() / 3, 1e-6);
        assertTrue(web.predictedVms() > 49, "a rising cluster is predicted to keep rising: " + web);
        assertTrue(web.upperBound() >= web.predictedVms() && web.lowerBound() <= web.predictedVms(), web.toString());
        assertTrue(web.confidence() > 0.5, web.toString());
        assertEquals(5_000, web.horizonMillis());

        await().atMost(Duration.ofSeconds(30)).until(() -> profiles.get("batch") != null
                && profiles.get("batch").historyWindows() == 40);
        AppProfile batch = profiles.get("batch");
        assertEquals(4, batch.predictedVms(), 0.5, "a steady cluster stays where it is: " + batch);
    }
}
