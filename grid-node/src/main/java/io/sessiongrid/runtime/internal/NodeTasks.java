package io.sessiongrid.runtime.internal;

import io.sessiongrid.time.ScheduledTask;
import io.sessiongrid.time.Scheduler;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's view of its scheduler: remembers the tasks scheduled through it so the node can cancel all of them
 * at once before its instance goes down, also on a scheduler the application owns and shares. After
 * {@link #cancelAll()} it refuses nothing but runs nothing: new tasks are cancelled at once.
 */
final class NodeTasks implements Scheduler {
    private final Scheduler scheduler;
    private final Set<ScheduledTask> tasks = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    NodeTasks(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public ScheduledTask atFixedRate(String name, Duration initialDelay, Duration period, Runnable task) {
        return track(scheduler.atFixedRate(name, initialDelay, period, task));
    }

    @Override
    public ScheduledTask withFixedDelay(String name, Duration initialDelay, Duration delay, Runnable task) {
        return track(scheduler.withFixedDelay(name, initialDelay, delay, task));
    }

    @Override
    public ScheduledTask once(String name, Duration delay, Runnable task) {
        return track(scheduler.once(name, delay, task));
    }

    private ScheduledTask track(ScheduledTask task) {
        tasks.removeIf(ScheduledTask::isCancelled);
        tasks.add(task);
        if (stopped) {
            task.cancel();
        }
        return task;
    }

    /** Cancels every task scheduled through this node (each cancel waits for a run in progress). */
    void cancelAll() {
        stopped = true;
        for (ScheduledTask t : List.copyOf(tasks)) {
            t.cancel();
        }
        tasks.clear();
    }
}
