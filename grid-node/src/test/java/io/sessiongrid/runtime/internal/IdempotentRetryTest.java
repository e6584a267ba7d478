package io.sessiongrid.runtime.internal;

import com.hazelcast.core.IndeterminateOperationStateException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotentRetryTest {
    @Test
    void aWriteThatEndedIndeterminateIsSentAgainUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = IdempotentRetry.call(() -> {
            if (calls.incrementAndGet() < 4) {
                throw new IllegalStateException("wrapped", new IndeterminateOperationStateException("backup ack missed"));
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(4, calls.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException failure = new IllegalArgumentException("bad key");
        assertSame(failure, assertThrows(IllegalArgumentException.class, () -> IdempotentRetry.run(() -> {
            calls.incrementAndGet();
            throw failure;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void sqlReportsTheMissedBackupAcksOnlyInItsMessage() {
        assertTrue(IdempotentRetry.indeterminate(new RuntimeException(new RuntimeException(
                "Invocation ... backup acks missed"))));
    }
}
