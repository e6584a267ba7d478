package io.sessiongrid.time;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutorSchedulerTest {
    private final ExecutorScheduler scheduler = ExecutorScheduler.daemon("test-scheduler", 2);

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void aPeriodicTaskSurvivesItsFailures() {
        AtomicInteger runs = new AtomicInteger();
        scheduler.atFixedRate("flaky", Duration.ZERO, Duration.ofMillis(20), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("expected in this test");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
    }

    @Test
    void cancelWaitsForTheRunInProgressAndNoRunStartsAfterIt() throws InterruptedException {
        CountDownLatch inRun = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        ScheduledTask task = scheduler.withFixedDelay("slow", Duration.ZERO, Duration.ofMillis(1), () -> {
            runs.incrementAndGet();
            inRun.countDown();
            try {
                Thread.sleep(200); // holds the run open while the test cancels (not a wait for a condition)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
        });
        assertTrue(inRun.await(10, TimeUnit.SECONDS));
        task.cancel();
        assertTrue(finished.get(), "cancel returned only after the run in progress ended");
        int after = runs.get();
        assertTrue(task.isCancelled());
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() == after);
    }

    @Test
    void closeCancelsEveryTaskAndStopsItsOwnThreads() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledTask task = scheduler.atFixedRate("tick", Duration.ZERO, Duration.ofMillis(5), runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() > 0);
        scheduler.close();
        assertTrue(task.isCancelled());
        int after = runs.get();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> runs.get() == after);
    }

    @Test
    void aLentExecutorOutlivesTheScheduler() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ExecutorScheduler lent = ExecutorScheduler.over(executor);
            lent.once("x", Duration.ZERO, () -> { });
            lent.close();
            assertFalse(executor.isShutdown());
        } finally {
            executor.shutdownNow();
        }
    }
}
