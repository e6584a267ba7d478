package io.sessiongrid.runtime.internal;

import com.hazelcast.core.IndeterminateOperationStateException;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs an idempotent write again when it ended indeterminate. Members run with
 * {@code hazelcast.operation.fail.on.indeterminate.state} (see {@code SessionStores}), so a backup ack missed while
 * partitions migrate (a member joining or leaving on a loaded machine) fails the write instead of leaving it
 * unknown. For writes that may be repeated (adding an index, {@code CREATE OR REPLACE MAPPING}, setting a state) the
 * answer is to send them again until the partition table settles; a migration can keep failing them for a while,
 * so the bound is a time, not a count.
 */
public final class IdempotentRetry {
    /** Longer than a partition migration on a loaded 2-core machine (several backup-ack timeouts of 5 s). */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);
    private static final Duration PAUSE = Duration.ofMillis(250);

    private IdempotentRetry() {
    }

    public static <T> T call(Supplier<T> write) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!indeterminate(e) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                LockSupport.parkNanos(PAUSE.toNanos());
            }
        }
    }

    public static void run(Runnable write) {
        call(() -> {
            write.run();
            return null;
        });
    }

    /** SQL wraps the cause's message only, hence the text check. */
    static boolean indeterminate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IndeterminateOperationStateException
                    || String.valueOf(t.getMessage()).contains("backup acks missed")) {
                return true;
            }
        }
        return false;
    }
}
