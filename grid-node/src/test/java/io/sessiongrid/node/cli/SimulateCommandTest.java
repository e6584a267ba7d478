package io.sessiongrid.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** Four days of 5-minute rows in seconds: a daily cycle. */
    private Path trace() throws Exception {
        List<String> lines = new ArrayList<>(List.of("seconds,value"));
        for (int i = 0; i < 4 * 288; i++) {
            lines.add((i * 300) + "," + (100 + 80 * Math.sin(2 * Math.PI * i / 288)));
        }
        return Files.write(dir.resolve("cycle.csv"), lines);
    }

    @Test
    void comparesBothPoliciesAndWritesTheBenchJson() throws Exception {
        Path bench = dir.resolve("bench");
        int code = run("--trace", trace().toString(), "--forecaster", "holt_winters", "--out", bench.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("predictive"), out.toString());
        JsonNode json = new ObjectMapper().readTree(bench.resolve("simulate.json").toFile());
        assertEquals("simulate", json.get("scenario").asText());
        List<String> metrics = new ArrayList<>();
        json.get("results").forEach(r -> metrics.add(r.get("metric").asText() + "/" + r.get("mode").asText()));
        assertEquals(List.of("underprovisioned_minutes/cycle", "member_hours/cycle", "scaling_actions/cycle",
                "slo_minutes/cycle"), metrics);
        assertEquals("Kubernetes HPA defaults", json.get("results").get(0).get("baseline_name").asText());
        assertTrue(Files.size(bench.resolve("simulate-cycle.png")) > 0, "the chart is written");
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws Exception {
        Path bench = dir.resolve("bench");
        assertEquals(2, run("--trace", dir.resolve("missing.csv").toString(), "--out", bench.toString()));
        assertTrue(err.toString().contains("not found"), err.toString());
        assertEquals(2, run("--trace", trace().toString(), "--policy", "psychic"));
        assertTrue(err.toString().contains("allowed: predictive, reactive, both"), err.toString());
        assertEquals(2, run("--trace", trace().toString(), "--lead", "soon"));
        assertEquals(2, run("--trace", trace().toString(), "--target", "1.5"));
        assertEquals(2, run("--trace", trace().toString(), "--season", "weekly"));
        assertTrue(err.toString().contains("allowed: live, daily, none"), err.toString());
        assertFalse(Files.exists(bench.resolve("simulate.json")));
    }
}
