package io.sessiongrid.time;

/** A task handed to a {@link Scheduler}. */
public interface ScheduledTask {

    /**
     * Stops the task: no run starts after this returns, and a run in progress has ended (unless the caller is
     * that run itself, which then simply finishes). Idempotent.
     */
    void cancel();

    /** Whether {@link #cancel()} was called. */
    boolean isCancelled();
}
