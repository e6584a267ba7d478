package io.sessiongrid.node.bench;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.aggregate.AggregateOperation1;
import com.hazelcast.jet.aggregate.AggregateOperation;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.datamodel.KeyedWindowResult;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sink;
import com.hazelcast.jet.pipeline.SinkBuilder;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.SourceBuilder;
import com.hazelcast.jet.pipeline.StreamSource;
import com.hazelcast.jet.pipeline.StreamStage;
import com.hazelcast.jet.pipeline.WindowDefinition;
import com.hazelcast.map.IMap;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline of {@code events_per_s}: what a Hazelcast user would write by hand with Jet's Pipeline API. One
 * item per connection event, from a {@link SourceBuilder} stream source fed in-process by the recording threads
 * (a bounded queue: when the job falls behind, recording waits), ingestion timestamps, and per connection a
 * tumbling window at each of the analyzer's intervals counting and summing the events' fields, each written to
 * an IMap ({@code "connection@windowStart"} to {@code [events, errors, bytesIn, bytesOut, latency]}). Same member,
 * same run, same recording threads as SessionGrid's side.
 *
 * <p>The time measured is the analyzer's: from the first event recorded until the last 1 s window holding it is
 * in its map. While the queue is empty the source emits a heartbeat (dropped right after), so the watermark
 * moves on and the last windows close without waiting for an idle timeout.
 */
final class JetEventsBaseline implements AutoCloseable {
    /** Queues by run, found by the job's source in this JVM (the job runs on the benchmark's own member). */
    private static final Map<String, BlockingQueue<Event>> QUEUES = new ConcurrentHashMap<>();
    /** Events in closed 1 s windows, by run: when it reaches the events recorded, the maps are checked. */
    private static final Map<String, LongAdder> WINDOWED = new ConcurrentHashMap<>();
    private static final int QUEUE_CAPACITY = 1 << 16;
    private static final int HEARTBEAT = -1;
    private static final long HEARTBEAT_NANOS = 20_000_000;

    /** One connection event, as an application would hand it over. */
    record Event(int connection, long bytesIn, long bytesOut, long latencyMicros, boolean error)
            implements Serializable {
    }

    private final String run;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final LongAdder windowed = new LongAdder();
    private final Job job;
    private final IMap<String, long[]> seconds;
    private final List<IMap<String, long[]>> maps;

    JetEventsBaseline(HazelcastInstance member, List<Duration> intervals, String run) {
        this.run = run;
        QUEUES.put(run, queue);
        WINDOWED.put(run, windowed);
        Pipeline p = Pipeline.create();
        StreamStage<Event> events = p.readFrom(source(run)).withIngestionTimestamps()
                .filter(e -> e.connection() != HEARTBEAT);
        // {events, errors, bytesIn, bytesOut, latency}: one accumulator, as a user who cares would write it.
        AggregateOperation1<Event, long[], long[]> totals = AggregateOperation
                .withCreate(() -> new long[5])
                .<Event>andAccumulate((a, e) -> {
                    a[0]++;
                    a[1] += e.error() ? 1 : 0;
                    a[2] += e.bytesIn();
                    a[3] += e.bytesOut();
                    a[4] += e.latencyMicros();
                })
                .andCombine((a, b) -> {
                    for (int f = 0; f < a.length; f++) {
                        a[f] += b[f];
                    }
                })
                .andExportFinish(long[]::clone);
        for (int i = 0; i < intervals.size(); i++) {
            String name = mapName(run, intervals.get(i));
            StreamStage<KeyedWindowResult<Integer, long[]>> windows = events.groupingKey(Event::connection)
                    .window(WindowDefinition.tumbling(intervals.get(i).toMillis())).aggregate(totals);
            windows.writeTo(Sinks.map(name, r -> r.key() + "@" + r.start(), KeyedWindowResult::result));
            if (i == 0) {
                windows.writeTo(counter(run));
            }
        }
        job = member.getJet().newJob(p, new JobConfig().setName("bench-jet-baseline-" + run));
        seconds = member.getMap(mapName(run, intervals.get(0)));
        maps = intervals.stream().map(d -> member.<String, long[]>getMap(mapName(run, d))).toList();
    }

    Job job() {
        return job;
    }

    /** Hands one event to the job; waits while the job is behind (the queue is full). */
    void record(Event event) {
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording", e);
        }
    }

    /** Events in 1 s windows the job has emitted so far. */
    long windowedEvents() {
        return windowed.sum();
    }

    /** Events in the 1 s windows stored in the map (reads the whole map: call once at the end). */
    long storedEvents() {
        long total = 0;
        for (long[] v : seconds.values()) {
            total += v[0];
        }
        return total;
    }

    @Override
    public void close() {
        job.cancel();
        QUEUES.remove(run);
        WINDOWED.remove(run);
        maps.forEach(IMap::destroy);
    }

    private static String mapName(String run, Duration interval) {
        return "bench.jet." + run + "." + interval.toMillis();
    }

    private static StreamSource<Event> source(String run) {
        return SourceBuilder.stream("bench-events", ctx -> new Feed(QUEUES.get(run)))
                .<Event>fillBufferFn(Feed::fill)
                .build();
    }

    private static Sink<KeyedWindowResult<Integer, long[]>> counter(String run) {
        return SinkBuilder.sinkBuilder("bench-windowed", ctx -> WINDOWED.get(run))
                .<KeyedWindowResult<Integer, long[]>>receiveFn((adder, r) -> adder.add(r.result()[0]))
                .build();
    }

    /** The source's state: drains the queue into Jet's buffer, or emits a heartbeat while it is empty. */
    private static final class Feed {
        private final BlockingQueue<Event> queue;
        private final java.util.ArrayList<Event> drained = new java.util.ArrayList<>(4096);
        private long lastHeartbeat;

        Feed(BlockingQueue<Event> queue) {
            this.queue = queue;
        }

        void fill(SourceBuilder.SourceBuffer<Event> buffer) {
            drained.clear();
            queue.drainTo(drained, 4096);
            if (drained.isEmpty()) {
                long now = System.nanoTime();
                if (now - lastHeartbeat > HEARTBEAT_NANOS) {
                    lastHeartbeat = now;
                    buffer.add(new Event(HEARTBEAT, 0, 0, 0, false));
                }
                return;
            }
            for (Event e : drained) {
                buffer.add(e);
            }
        }
    }
}
