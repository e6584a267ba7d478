package io.sessiongrid.time;

import java.time.Duration;

/**
 * Runs tasks later or periodically. The one scheduling abstraction of SessionGrid: live nodes use an
 * {@link ExecutorScheduler}, simulations and tests a {@link ManualScheduler}.
 *
 * <p>Contract shared by every implementation:
 * <ul>
 *   <li>A task that throws is logged (with its name) and, if periodic, keeps its schedule: one failure never
 *       silently ends a periodic task. Tasks that expect failures (a flush while the cluster is away) handle and
 *       log them themselves.</li>
 *   <li>Runs of one periodic task never overlap.</li>
 *   <li>{@link ScheduledTask#cancel()} stops later runs and waits for a run in progress to end, so that after it
 *       returns the task touches nothing (a node cancels its tasks before it shuts its Hazelcast instance down).</li>
 * </ul>
 */
public interface Scheduler {

    /**
     * Runs {@code task} after {@code initialDelay}, then every {@code period} measured from the previous run's
     * scheduled start (a late run is followed by the next one on the original grid, as far as possible).
     *
     * @param name what the task is, for logs and thread names ("tracker-flush")
     */
    ScheduledTask atFixedRate(String name, Duration initialDelay, Duration period, Runnable task);

    /** Runs {@code task} after {@code initialDelay}, then {@code delay} after the end of each run. */
    ScheduledTask withFixedDelay(String name, Duration initialDelay, Duration delay, Runnable task);

    /** Runs {@code task} once, after {@code delay}. */
    ScheduledTask once(String name, Duration delay, Runnable task);
}
