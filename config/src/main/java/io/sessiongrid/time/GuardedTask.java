package io.sessiongrid.time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * What both schedulers run: the user's task behind a lock that {@link #cancel()} takes, so a cancel waits for a
 * run in progress, and a failure that is logged instead of ending the schedule (a {@code ScheduledExecutorService}
 * silently drops a periodic task after its first exception).
 */
final class GuardedTask implements Runnable, ScheduledTask {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /** A run that outlasts this is not waited for any longer (a stuck task must not hang a node's shutdown). */
    private static final long CANCEL_WAIT_SECONDS = 30;

    private final String name;
    private final Runnable task;
    private final Consumer<GuardedTask> onDone;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean cancelled;
    private volatile Future<?> future;

    /** @param onDone called once the task is cancelled or, for a one-shot task, has run (its scheduler forgets it) */
    GuardedTask(String name, Runnable task, Consumer<GuardedTask> onDone) {
        this.name = requireName(name);
        this.task = Objects.requireNonNull(task, "task");
        this.onDone = onDone;
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scheduled task needs a name (for logs); got '" + name + "'");
        }
        return name;
    }

    String name() {
        return name;
    }

    void attach(Future<?> f) {
        this.future = f;
        if (cancelled) {
            f.cancel(false);
        }
    }

    @Override
    public void run() {
        if (cancelled) {
            return;
        }
        running.lock();
        try {
            if (!cancelled) {
                task.run();
            }
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            LOG.warn("scheduled task '{}' failed; it keeps its schedule", name, e);
        } finally {
            running.unlock();
        }
    }

    /** Marks a one-shot task done after its run. */
    void done() {
        onDone.accept(this);
    }

    @Override
    public void cancel() {
        cancelled = true;
        onDone.accept(this);
        Future<?> f = future;
        if (f != null) {
            f.cancel(false);
        }
        if (running.isHeldByCurrentThread()) {
            return; // the task cancels itself: its run ends when it returns
        }
        try {
            if (running.tryLock(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                running.unlock();
            } else {
                LOG.warn("scheduled task '{}' still runs {} s after it was cancelled; not waiting any longer",
                        name, CANCEL_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
