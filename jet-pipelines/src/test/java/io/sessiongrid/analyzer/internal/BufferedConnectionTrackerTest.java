package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.ConnectionSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferedConnectionTrackerTest {

    /** Collects writes; fails them on demand. */
    static final class Recorder implements BatchWriter {
        final List<List<SampleBatch>> writes = new ArrayList<>();
        boolean fail;

        @Override
        public int partitions() {
            return 7;
        }

        @Override
        public int partitionOf(String sessionId) {
            return Math.floorMod(sessionId.hashCode(), 7);
        }

        @Override
        public String source() {
            return "test";
        }

        @Override
        public void write(List<SampleBatch> batches) {
            if (fail) {
                throw new IllegalStateException("cluster unreachable");
            }
            writes.add(batches);
        }

        List<ConnectionSample> samples(int write) {
            return writes.get(write).stream().flatMap(b -> Arrays.stream(b.samples())).toList();
        }
    }

    private final Recorder writer = new Recorder();
    private final AtomicLong now = new AtomicLong(10_500);
    private final BufferedConnectionTracker tracker = new BufferedConnectionTracker(writer, 1000, now::get, null);

    @Test
    void aggregatesEventsIntoOneSamplePerConnectionAndOneBatchPerPartition() {
        tracker.opened("c1", "s1", "m1");
        tracker.opened("c2", "s1", "m1");
        for (int i = 0; i < 1000; i++) {
            tracker.request("c1", i % 2 == 0 ? "get" : "put", 10, 100, 50, i % 10 == 0);
        }
        tracker.flush();
        assertEquals(1, writer.writes.size());
        assertEquals(7, writer.writes.get(0).size(), "a batch for every partition, empty ones are heartbeats");
        assertTrue(writer.writes.get(0).stream().allMatch(b -> b.intervalStart() == 10_000));
        List<ConnectionSample> samples = writer.samples(0);
        assertEquals(2, samples.size());
        ConnectionSample c1 = samples.stream().filter(s -> s.connectionId().equals("c1")).findFirst().orElseThrow();
        assertEquals(1000, c1.requests());
        assertEquals(100, c1.errors());
        assertEquals(10_000, c1.bytesIn());
        assertEquals(100_000, c1.bytesOut());
        assertEquals(50_000, c1.latencyMicros());
        assertEquals(1, c1.opens());
        assertEquals(1001, c1.events(), "requests plus the open");
        assertArrayEquals(new long[]{500, 500}, c1.apiCounts());
        ConnectionSample c2 = samples.stream().filter(s -> s.connectionId().equals("c2")).findFirst().orElseThrow();
        assertEquals(0, c2.requests(), "an idle open connection is reported too");
    }

    @Test
    void nextFlushCarriesOnlyNewEventsAndClosedConnectionsLeaveAfterTheirLastSample() {
        tracker.opened("c1", "s1", "m1");
        tracker.request("c1", "get", 1, 1, 1, false);
        tracker.flush();
        now.addAndGet(1000);
        tracker.request("c1", "get", 1, 1, 1, false);
        tracker.request("c1", "get", 1, 1, 1, false);
        tracker.closed("c1");
        tracker.flush();
        ConnectionSample last = writer.samples(1).get(0);
        assertEquals(2, last.requests());
        assertEquals(0, last.opens());
        assertEquals(1, last.closes());
        assertEquals(11_000, last.intervalStart());
        assertEquals(0, tracker.openConnections());
        tracker.request("c1", "get", 1, 1, 1, false);
        assertEquals(1, tracker.unknownConnectionEvents());
    }

    @Test
    void aFailedFlushLosesNothing() {
        tracker.opened("c1", "s1", "m1");
        tracker.request("c1", "get", 1, 1, 1, false);
        writer.fail = true;
        assertThrows(IllegalStateException.class, tracker::flush);
        assertEquals(1, tracker.failedFlushes());
        writer.fail = false;
        tracker.request("c1", "get", 1, 1, 1, false);
        tracker.flush();
        assertEquals(2, writer.samples(0).get(0).requests());
        assertEquals(1, writer.samples(0).get(0).opens());
    }

    @Test
    void anIntervalIsLabelledOnceAndASecondFlushInItWaitsForTheNext() {
        tracker.opened("c1", "s1", "m1");
        tracker.request("c1", "get", 1, 1, 1, false);
        tracker.flush();
        tracker.request("c1", "get", 1, 1, 1, false);
        tracker.flush(); // same interval (a timer catching up after a pause does this): writes nothing
        assertEquals(1, writer.writes.size());
        now.addAndGet(1000);
        tracker.flush();
        assertEquals(2, writer.writes.size());
        ConnectionSample next = writer.samples(1).get(0);
        assertEquals(11_000, next.intervalStart());
        assertEquals(1, next.requests(), "the second request went with the next interval");
    }

    @Test
    void concurrentRecordingIsCountedExactly() throws InterruptedException {
        tracker.opened("c1", "s1", "m1");
        int threads = 4;
        int perThread = 200_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    tracker.request("c1", "api" + (i % 40), 1, 1, 1, false);
                }
            });
            workers.add(w);
            w.start();
        }
        long flushed = 0;
        while (workers.stream().anyMatch(Thread::isAlive)) {
            now.addAndGet(1000); // one flush per interval
            tracker.flush();
            flushed += writer.samples(writer.writes.size() - 1).get(0).requests();
        }
        for (Thread w : workers) {
            w.join();
        }
        now.addAndGet(1000);
        tracker.flush();
        flushed += writer.samples(writer.writes.size() - 1).get(0).requests();
        assertEquals((long) threads * perThread, flushed);
        ConnectionSample last = writer.samples(writer.writes.size() - 1).get(0);
        assertTrue(last.apiCalls().length <= WindowTotals.MAX_API_CALLS + 1);
    }
}
