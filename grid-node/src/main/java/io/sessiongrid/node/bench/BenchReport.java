package io.sessiongrid.node.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results of one benchmark run: a human table and {@code target/bench/<scenario>.json}. */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String scenario;
    private final boolean quick;
    private final int members;
    private final List<BenchResult> results = new ArrayList<>();

    public BenchReport(String scenario, boolean quick, int members) {
        this.scenario = scenario;
        this.quick = quick;
        this.members = members;
    }

    public BenchReport add(BenchResult result) {
        results.add(result);
        return this;
    }

    public List<BenchResult> results() {
        return List.copyOf(results);
    }

    /** The table printed to stdout. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%-18s %-16s %14s %14s %8s %-12s %s%n",
                "metric", "mode", "sessiongrid", "baseline", "ratio", "target", "met"));
        for (BenchResult r : results) {
            out.append(String.format(Locale.ROOT, "%-18s %-16s %14s %14s %8.3f %-12s %s   (baseline: %s)%n",
                    r.metric(), r.mode(), number(r.sessiongrid()), number(r.baseline()), r.ratio(), r.target(),
                    r.met() ? "yes" : "NO", r.baselineName()));
        }
        return out.toString();
    }

    /** Writes {@code <dir>/<scenario>.json} and returns its path. */
    public Path write(Path dir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario);
        root.put("quick", quick);
        ObjectNode env = root.putObject("environment");
        env.put("java", System.getProperty("java.version"));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("members", members);
        ArrayNode array = root.putArray("results");
        for (BenchResult r : results) {
            ObjectNode node = array.addObject();
            node.put("metric", r.metric());
            node.put("mode", r.mode());
            number(node, "sessiongrid", r.sessiongrid());
            number(node, "baseline", r.baseline());
            node.put("baseline_name", r.baselineName());
            number(node, "ratio", r.ratio());
            node.put("target", r.target());
            node.put("met", r.met());
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(scenario + ".json");
            JSON.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark report to " + dir, e);
        }
    }

    /** A value, or JSON null when there is none (NaN: no baseline, hence no ratio; CONVENTIONS.md). */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, round(value));
        } else {
            node.putNull(field);
        }
    }

    private static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static String number(double value) {
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
