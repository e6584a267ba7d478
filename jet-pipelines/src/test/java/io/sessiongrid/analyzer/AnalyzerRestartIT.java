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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The job is resumed when it was suspended, and submitted again when it is gone, by the same idempotent call. */
class AnalyzerRestartIT {
    static HazelcastInstance member;

    @BeforeAll
    static void start() {
        member = Hazelcast.newHazelcastInstance(AnalyzerPipelineIT.memberConfig(TestClusters.uniqueName(AnalyzerRestartIT.class)));
    }

    @AfterAll
    static void stop() {
        if (member != null) {
            Job job = member.getJet().getJob(AnalyzerJobs.JOB_NAME);
            if (job != null && !job.getStatus().isTerminal()) {
                job.cancel();
            }
            member.getLifecycleService().terminate();
        }
    }

    @Test
    void suspendedIsResumedAndGoneIsResubmitted() {
        Job job = AnalyzerJobs.ensureRunning(member, AnalyzerPipelineIT.ANALYZER, AnalyzerPipelineIT.HORIZON);
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.RUNNING);

        job.suspend();
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.SUSPENDED);
        Job resumed = AnalyzerJobs.ensureRunning(member, AnalyzerPipelineIT.ANALYZER, AnalyzerPipelineIT.HORIZON);
        assertEquals(job.getId(), resumed.getId(), "a suspended job is resumed, not duplicated");
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.RUNNING);

        job.cancel();
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus().isTerminal());
        Job again = AnalyzerJobs.ensureRunning(member, AnalyzerPipelineIT.ANALYZER, AnalyzerPipelineIT.HORIZON);
        assertNotEquals(job.getId(), again.getId(), "a job that is gone is submitted again");
        await().atMost(Duration.ofSeconds(30)).until(() -> again.getStatus() == JobStatus.RUNNING);
    }
}
