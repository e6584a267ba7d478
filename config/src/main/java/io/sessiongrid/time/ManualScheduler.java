package io.sessiongrid.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} in virtual time with its own {@link #clock()}: nothing runs until {@link #advance} moves
 * the clock, and then every task that falls due runs in the caller's thread, in time order (ties in the order
 * they were scheduled), with the clock set to its due time. For unit tests and trace-driven simulations: the
 * code under test takes this scheduler and clock and behaves as it would live, minus the waiting.
 *
 * <p>Not thread-safe: schedule and advance from one thread.
 */
public final class ManualScheduler implements Scheduler {
    private final Clock clock = new VirtualClock(ZoneOffset.UTC);
    private volatile Instant now;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.comparing((Entry e) -> e.due).thenComparingLong(e -> e.seq));
    private long seq;

    /** Virtual time starts at {@code start}. */
    public ManualScheduler(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** The virtual clock: give it to the code under test alongside this scheduler. */
    public Clock clock() {
        return clock;
    }

    /** The current virtual time. */
    public Instant now() {
        return now;
    }

    /**
     * Moves virtual time forward by {@code d}, running every task due up to the new time.
     *
     * @return how many task runs happened
     */
    public int advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward; got " + d);
        }
        Instant target = now.plus(d);
        int runs = 0;
        while (!queue.isEmpty() && !queue.peek().due.isAfter(target)) {
            Entry e = queue.poll();
            if (e.task.isCancelled()) {
                continue;
            }
            now = e.due;
            e.task.run();
            runs++;
            if (e.period != null && !e.task.isCancelled()) {
                e.due = e.due.plus(e.period);
                queue.add(e);
            } else {
                e.task.done();
            }
        }
        now = target;
        return runs;
    }

    /** Tasks still scheduled (cancelled ones are dropped as they fall due). */
    public long pending() {
        return queue.stream().filter(e -> !e.task.isCancelled()).count();
    }

    @Override
    public ScheduledTask atFixedRate(String name, Duration initialDelay, Duration period, Runnable task) {
        return add(name, initialDelay, positive(period), task);
    }

    /** In virtual time a run takes no time, so a fixed delay is a fixed rate. */
    @Override
    public ScheduledTask withFixedDelay(String name, Duration initialDelay, Duration delay, Runnable task) {
        return add(name, initialDelay, positive(delay), task);
    }

    @Override
    public ScheduledTask once(String name, Duration delay, Runnable task) {
        return add(name, delay, null, task);
    }

    private ScheduledTask add(String name, Duration delay, Duration period, Runnable task) {
        ExecutorScheduler.nanos(delay, 0);
        GuardedTask t = new GuardedTask(name, task, x -> { });
        queue.add(new Entry(t, now.plus(delay), period, seq++));
        return t;
    }

    private static Duration positive(Duration d) {
        ExecutorScheduler.nanos(d, 1);
        return d;
    }

    private static final class Entry {
        final GuardedTask task;
        final Duration period;
        final long seq;
        Instant due;

        Entry(GuardedTask task, Instant due, Duration period, long seq) {
            this.task = task;
            this.due = due;
            this.period = period;
            this.seq = seq;
        }
    }

    /** A clock reading this scheduler's virtual time (in any zone). */
    private final class VirtualClock extends Clock {
        private final ZoneId zone;

        VirtualClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new VirtualClock(z);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
