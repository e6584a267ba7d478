package io.sessiongrid.time;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} over a {@link ScheduledExecutorService}, in wall-clock time. A node owns one
 * ({@link #daemon}); an application that has its own executor can lend it ({@link #over}).
 *
 * <p>{@link #close()} cancels every task scheduled here (waiting for runs in progress, except the caller's own)
 * and, if this scheduler created its executor, shuts the executor down.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final class Shared {
        static final ExecutorScheduler INSTANCE = daemon("sessiongrid-scheduler", 2);
    }

    private final ScheduledExecutorService executor;
    private final boolean owned;
    private final Set<GuardedTask> tasks = ConcurrentHashMap.newKeySet();

    private ExecutorScheduler(ScheduledExecutorService executor, boolean owned) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.owned = owned;
    }

    /**
     * A scheduler with its own pool of daemon threads (they never keep a JVM alive).
     *
     * @param threadName prefix of the threads' names
     * @param threads    how many tasks may run at once (at least 1)
     */
    public static ExecutorScheduler daemon(String threadName, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        AtomicInteger seq = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, threadName + "-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, factory);
        pool.setRemoveOnCancelPolicy(true); // cancelled periodic tasks leave the queue at once
        return new ExecutorScheduler(pool, true);
    }

    /** A scheduler over an executor the caller owns: {@link #close()} cancels this scheduler's tasks only. */
    public static ExecutorScheduler over(ScheduledExecutorService executor) {
        return new ExecutorScheduler(executor, false);
    }

    /**
     * One JVM-wide daemon scheduler for code that runs outside a node (a tracker made by
     * {@code Analyzers.tracker(hz, config)} in a benchmark or test). Never closed; cancel its tasks instead.
     */
    public static Scheduler shared() {
        return Shared.INSTANCE;
    }

    @Override
    public ScheduledTask atFixedRate(String name, Duration initialDelay, Duration period, Runnable task) {
        GuardedTask t = track(name, task);
        t.attach(executor.scheduleAtFixedRate(t, nanos(initialDelay, 0), nanos(period, 1), TimeUnit.NANOSECONDS));
        return t;
    }

    @Override
    public ScheduledTask withFixedDelay(String name, Duration initialDelay, Duration delay, Runnable task) {
        GuardedTask t = track(name, task);
        t.attach(executor.scheduleWithFixedDelay(t, nanos(initialDelay, 0), nanos(delay, 1), TimeUnit.NANOSECONDS));
        return t;
    }

    @Override
    public ScheduledTask once(String name, Duration delay, Runnable task) {
        GuardedTask t = track(name, task);
        t.attach(executor.schedule(() -> {
            t.run();
            t.done();
        }, nanos(delay, 0), TimeUnit.NANOSECONDS));
        return t;
    }

    private GuardedTask track(String name, Runnable task) {
        GuardedTask t = new GuardedTask(name, task, tasks::remove);
        tasks.add(t);
        return t;
    }

    @Override
    public void close() {
        for (GuardedTask t : List.copyOf(tasks)) {
            t.cancel();
        }
        if (owned) {
            // Every task is cancelled; no interrupt, so a node may close itself from one of its own tasks.
            executor.shutdown();
        }
    }

    static long nanos(Duration d, long min) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative() || d.toNanos() < min) {
            throw new IllegalArgumentException("duration must be " + (min == 0 ? ">= 0" : "> 0") + ", got " + d);
        }
        return d.toNanos();
    }
}
