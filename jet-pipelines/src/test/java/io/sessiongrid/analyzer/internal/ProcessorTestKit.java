package io.sessiongrid.analyzer.internal;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.function.SupplierEx;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import com.hazelcast.jet.Util;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.core.Inbox;
import com.hazelcast.jet.core.Outbox;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.Watermark;
import com.hazelcast.jet.core.test.TestInbox;
import com.hazelcast.jet.core.test.TestSupport;
import com.hazelcast.jet.impl.execution.init.Contexts;
import io.sessiongrid.analyzer.AnalyzerSerialization;
import io.sessiongrid.analyzer.ConnectionSample;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.analyzer.score.ConnectionHealth;
import io.sessiongrid.analyzer.score.HealthScorer;
import io.sessiongrid.analyzer.score.Score;
import io.sessiongrid.analyzer.score.ScoreParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the analyzer's processor tests share: sample and batch builders, the processors' outputs as readable strings,
 * and two things Hazelcast's processor harness ({@link TestSupport}) lacks for these processors: the Jet thread context
 * that user metrics need, and a serialization service for snapshot entries that can write Compact objects.
 */
final class ProcessorTestKit {
    static final long FLUSH = 1000;
    static final long SCORE = 5000;
    static final long[] INTERVALS = {FLUSH, SCORE};
    static final int SCORE_INDEX = 1;
    static final int HORIZON = 4;
    static final String INGEST_KEY = "partition-7";

    private ProcessorTestKit() {
    }

    /**
     * Installs a processor context on this thread. Jet's {@code ProcessorTasklet} does that before every call into a
     * processor, and {@code Metrics.metric} reads it; Hazelcast 5.7.0's {@link TestSupport} does not (the processors
     * then fail with "Thread %s has no context set"). The context is bare: only its metrics context is used.
     */
    static void installMetricsContext() {
        Contexts.container().setContext(new Contexts.ProcCtx(null, 0, 0, new JobConfig(), null, "test", 0, 0,
                false, Map.of(), 1, 0, 1, null, null, null, null));
    }

    static void clearMetricsContext() {
        Contexts.container().setContext(null);
    }

    /**
     * A serialization service as a member's: the analyzer's Compact serializers registered, and somewhere to keep the
     * schemas (here, a map; in a cluster, the schema service).
     */
    static final InternalSerializationService SERIALIZATION = compactSerialization();

    private static InternalSerializationService compactSerialization() {
        Map<Long, Schema> schemas = new ConcurrentHashMap<>();
        SchemaService schemaService = new SchemaService() {
            @Override
            public Schema get(long schemaId) {
                return schemas.get(schemaId);
            }

            @Override
            public void put(Schema schema) {
                schemas.put(schema.getSchemaId(), schema);
            }

            @Override
            public void putLocal(Schema schema) {
                put(schema);
            }
        };
        return new DefaultSerializationServiceBuilder()
                .setConfig(AnalyzerSerialization.register(new SerializationConfig()))
                .setSchemaService(schemaService)
                .build();
    }

    /**
     * The processors of {@code supplier}, their snapshot entries serialized with {@link #SERIALIZATION} (and read back
     * with it on restore). Hazelcast 5.7.0's harness serializes snapshot entries with a serialization service of its
     * own that has no schema service, whatever {@code hazelcastInstance(...)} says: it cannot serialize any Compact
     * object, so it fails on {@link SessionState} (which holds a Compact {@code ConnectionHealth}) and on the cluster
     * stage's {@code SeriesPoint}s. Through this wrapper the harness sees byte arrays.
     */
    static SupplierEx<Processor> withCompactSnapshots(SupplierEx<? extends Processor> supplier) {
        return () -> new CompactSnapshots(supplier.get());
    }

    /** See {@link #withCompactSnapshots}. */
    static final class CompactSnapshots implements Processor {
        final Processor delegate;

        CompactSnapshots(Processor delegate) {
            this.delegate = delegate;
        }

        private static byte[] encode(Object o) {
            return SERIALIZATION.toData(o).toByteArray();
        }

        private static Object decode(Object bytes) {
            return SERIALIZATION.toObject(new HeapData((byte[]) bytes));
        }

        @Override
        public boolean isCooperative() {
            return delegate.isCooperative();
        }

        @Override
        public void init(Outbox outbox, Context context) throws Exception {
            delegate.init(new Outbox() {
                @Override
                public int bucketCount() {
                    return outbox.bucketCount();
                }

                @Override
                public boolean offer(int ordinal, Object item) {
                    return outbox.offer(ordinal, item);
                }

                @Override
                public boolean offer(int[] ordinals, Object item) {
                    return outbox.offer(ordinals, item);
                }

                @Override
                public boolean offer(Object item) {
                    return outbox.offer(item);
                }

                /** The last entry refused, encoded: it must be offered again as the same objects. */
                private Object refusedKey;
                private Object refusedValue;
                private byte[] refusedKeyBytes;
                private byte[] refusedValueBytes;

                @Override
                public boolean offerToSnapshot(Object key, Object value) {
                    if (key != refusedKey || value != refusedValue) {
                        refusedKey = key;
                        refusedValue = value;
                        refusedKeyBytes = encode(key);
                        refusedValueBytes = encode(value);
                    }
                    if (!outbox.offerToSnapshot(refusedKeyBytes, refusedValueBytes)) {
                        return false;
                    }
                    refusedKey = null;
                    refusedValue = null;
                    return true;
                }

                @Override
                public boolean hasUnfinishedItem() {
                    return outbox.hasUnfinishedItem();
                }
            }, context);
        }

        @Override
        public void process(int ordinal, Inbox inbox) {
            delegate.process(ordinal, inbox);
        }

        @Override
        public boolean tryProcessWatermark(Watermark watermark) {
            return delegate.tryProcessWatermark(watermark);
        }

        @Override
        public boolean tryProcessWatermark(int ordinal, Watermark watermark) {
            return delegate.tryProcessWatermark(ordinal, watermark);
        }

        @Override
        public boolean tryProcess() {
            return delegate.tryProcess();
        }

        @Override
        public boolean completeEdge(int ordinal) {
            return delegate.completeEdge(ordinal);
        }

        @Override
        public boolean complete() {
            return delegate.complete();
        }

        @Override
        public boolean saveToSnapshot() {
            return delegate.saveToSnapshot();
        }

        @Override
        public void restoreFromSnapshot(Inbox inbox) {
            TestInbox decoded = new TestInbox();
            for (Object o; (o = inbox.poll()) != null; ) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
                decoded.add(Util.entry(decode(e.getKey()), decode(e.getValue())));
            }
            delegate.restoreFromSnapshot(decoded);
            assertEquals(0, decoded.size(), "restoreFromSnapshot leaves entries");
        }

        @Override
        public boolean finishSnapshotRestore() {
            return delegate.finishSnapshotRestore();
        }

        @Override
        public void close() throws Exception {
            delegate.close();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    /** The aggregator with series updates going out at once (their place in the output is easy to state). */
    static SeriesAggregatorP aggregator() {
        return new SeriesAggregatorP(INTERVALS, SCORE_INDEX, HORIZON, false);
    }

    /** The aggregator as the job runs it: series updates held until the next watermark. */
    static SeriesAggregatorP deferringAggregator() {
        return new SeriesAggregatorP(INTERVALS, SCORE_INDEX, HORIZON, true);
    }

    static ConnectionSample sample(String session, String connection, long start, long requests) {
        return sample(session, connection, start, requests, 0, 0);
    }

    static ConnectionSample sample(String session, String connection, long start, long requests, int opens,
                                   int closes) {
        return new ConnectionSample(connection, session, "m1", start, FLUSH, 0, opens, closes, requests, 0,
                10 * requests, 100 * requests, 50 * requests, new String[]{"get"}, new long[]{requests});
    }

    /** One tracker's batch for one interval, as the ingest journal delivers it. */
    static Map.Entry<String, SampleBatch> batch(String tracker, long start, ConnectionSample... samples) {
        return Util.entry(INGEST_KEY, new SampleBatch(tracker, start, FLUSH, samples));
    }

    static Watermark wm(long timestamp) {
        return new Watermark(timestamp);
    }

    /**
     * The scores a connection should get for consecutive scoring windows from time 0 with these request counts, the
     * last one closing the connection when {@code closedLast}: the scorer's own result on the same observations.
     */
    static List<HealthScore> scores(String session, String connection, boolean closedLast, long... requests) {
        HealthScorer scorer = new HealthScorer(new ScoreParams(SCORE, HORIZON, ScoreParams.DEFAULT_REFERENCE_RATE));
        ConnectionHealth health = new ConnectionHealth();
        List<HealthScore> out = new ArrayList<>();
        for (int k = 0; k < requests.length; k++) {
            long windowStart = k * SCORE;
            health.observe(windowStart, SCORE, requests[k], 0, closedLast && k == requests.length - 1);
            Score s = scorer.score(health);
            out.add(new HealthScore(session, connection, windowStart + SCORE, s.score(), s.predictedRate(),
                    s.usage(), s.churn(), s.decline(), s.errorRate(), health.closed(), s.reason()));
        }
        return out;
    }

    /** A window as text: {@code interval@start n=samples r=requests c=closes late=late api=...}. */
    static String window(SeriesPoint p) {
        StringBuilder b = new StringBuilder().append(p.intervalMillis()).append('@').append(p.windowStart())
                .append(" n=").append(p.samples()).append(" r=").append(p.requests()).append(" c=")
                .append(p.closes()).append(" late=").append(p.late());
        if (p.apiCalls().length > 0) {
            b.append(" api=");
            for (int i = 0; i < p.apiCalls().length; i++) {
                b.append(i == 0 ? "" : ",").append(p.apiCalls()[i]).append(':').append(p.apiCounts()[i]);
            }
        }
        return b.toString();
    }

    static String describe(Object item) {
        if (item instanceof SeriesUpdate u) {
            List<String> windows = new ArrayList<>();
            for (int k = 0; k < u.windows().size(); k++) {
                windows.add(window(u.windows().point(k)));
            }
            String who = u.key().connectionId().isEmpty() ? "session " + u.key().sessionId()
                    : "conn " + u.key().sessionId() + "/" + u.key().connectionId();
            return who + " " + windows;
        } else if (item instanceof SeriesPoint p) {
            return "point " + window(p);
        } else if (item instanceof Watermark w) {
            return "wm(" + w.timestamp() + ")";
        }
        return String.valueOf(item); // HealthScore: a record, every field shown
    }

    /**
     * One output ordinal as text, watermarks kept in place and the items between two watermarks sorted (their order
     * follows hash maps). When {@code mergeShares}, points of the same window between two watermarks are added up
     * first, as the cluster stage does: a processor restored from a snapshot keeps the restored share of a cluster
     * window apart from its own.
     */
    static List<String> normalize(List<?> items, boolean mergeShares) {
        List<String> out = new ArrayList<>();
        List<String> segment = new ArrayList<>();
        Map<List<Long>, WindowTotals> shares = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Long.compare(a.get(1), b.get(1)) : Long.compare(a.get(0), b.get(0)));
        for (Object item : items) {
            if (item instanceof Watermark) {
                shares.forEach((k, t) -> segment.add(describe(t.toPoint(k.get(1), k.get(0)))));
                shares.clear();
                segment.sort(null);
                out.addAll(segment);
                segment.clear();
                out.add(describe(item));
            } else if (mergeShares && item instanceof SeriesPoint p) {
                shares.computeIfAbsent(List.of(p.intervalMillis(), p.windowStart()), k -> new WindowTotals()).add(p);
            } else {
                segment.add(describe(item));
            }
        }
        shares.forEach((k, t) -> segment.add(describe(t.toPoint(k.get(1), k.get(0)))));
        segment.sort(null);
        out.addAll(segment);
        return out;
    }

    /**
     * An output checker for {@link TestSupport#expectExactOutput} whose expected items are {@link #describe}
     * strings: compares in order and fails with both lists as text and the harness's mode.
     */
    static BiPredicate<List<?>, List<?>> describedAs() {
        return (expected, actual) -> {
            List<String> got = actual.stream().map(ProcessorTestKit::describe).toList();
            assertEquals(expected, got, () -> "mode: " + TestSupport.TEST_CONTEXT.get().getTestMode());
            return true;
        };
    }
}
