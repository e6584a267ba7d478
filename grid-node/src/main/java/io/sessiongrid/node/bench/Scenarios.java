package io.sessiongrid.node.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The benchmark scenarios by name. */
public final class Scenarios {
    /** One scenario: runs, prints progress to {@code out}, and returns its report. */
    @FunctionalInterface
    public interface Scenario {
        BenchReport run(boolean quick, PrintStream out) throws Exception;
    }

    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        ALL.put("store", StoreBenchmark::run);
        ALL.put("analyzer", AnalyzerBenchmark::run);
        ALL.put("sni", SniBenchmark::run);
        ALL.put("replay", ReplayBenchmark::run);
        ALL.put("scaling", ScalingBenchmark::run);
    }

    private Scenarios() {
    }

    public static Optional<Scenario> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<String> names() {
        return new ArrayList<>(ALL.keySet());
    }

    /** For picocli's completion candidates and help text. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
