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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ForecastCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** Thirty days of hourly NAB-style rows: a daily cycle plus persistent noise. */
    private Path hourlyTrace() throws Exception {
        Random random = new Random(9);
        List<String> lines = new ArrayList<>(List.of("timestamp,value"));
        LocalDateTime t = LocalDateTime.of(2015, 3, 1, 0, 0);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        double x = 0;
        for (int i = 0; i < 30 * 24; i++) {
            x = 0.7 * x + random.nextGaussian();
            if (i != 100) { // one missing row, filled by the reader
                lines.add(format.format(t.plusHours(i)) + "," + (50 + 10 * Math.sin(2 * Math.PI * i / 24) + x));
            }
        }
        return Files.write(dir.resolve("hourly.csv"), lines);
    }

    @Test
    void backtestsEveryModelPrintsATableAndWritesTheBenchJson() throws Exception {
        Path bench = dir.resolve("bench");
        int code = run("--trace", hourlyTrace().toString(), "--out", bench.toString());
        assertEquals(0, code, err.toString());
        String table = out.toString();
        assertTrue(table.contains("season 24, horizon 1"), table);
        assertTrue(table.contains("1 filled"), table);
        for (String model : List.of("seasonal_naive", "holt_winters", "theta", "arima", "median", "weighted", "auto")) {
            assertTrue(table.contains(model), table);
        }
        assertTrue(table.contains("How to read this: each model forecast 1 h ahead (1 steps of 1 h)"), table);
        assertTrue(table.contains("The bar applies to this column"), table);
        assertTrue(table.contains("cover95        share of actual values inside"), table);
        assertTrue(table.matches("(?s).*\nBest: \\w+, with \\d+% less error than seasonal naive 1 h ahead.*"), table);
        JsonNode json = new ObjectMapper().readTree(bench.resolve("forecast.json").toFile());
        assertEquals("forecast", json.get("scenario").asText());
        JsonNode results = json.get("results");
        assertEquals(7, results.size());
        double baseline = results.get(0).get("sessiongrid").asDouble();
        assertEquals("seasonal_naive", results.get(0).get("mode").asText());
        for (JsonNode result : results) {
            assertEquals("mase", result.get("metric").asText());
            assertEquals(baseline, result.get("baseline").asDouble(), 1e-9);
        }
        assertEquals("auto", results.get(6).get("mode").asText());
        assertEquals("<= 0.9", results.get(6).get("target").asText());
    }

    @Test
    void seasonAndHorizonOptionsAndAModelSubsetWork() throws Exception {
        Path bench = dir.resolve("bench");
        int code = run("--trace", hourlyTrace().toString(), "--season", "12", "--horizon", "3", "--models",
                "holt_winters", "--out", bench.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("season 12, horizon 3"), out.toString());
        JsonNode results = new ObjectMapper().readTree(bench.resolve("forecast.json").toFile()).get("results");
        assertEquals(2, results.size(), "the baseline always runs");
    }

    @Test
    void aMissingFileExitsWithTwoAndSaysSo() {
        assertEquals(2, run("--trace", dir.resolve("absent.csv").toString()));
        assertTrue(err.toString().contains("not found"), err.toString());
    }

    @Test
    void constantOrTooShortTracesExitWithTwoAndSayWhy() throws Exception {
        Path constant = Files.write(dir.resolve("flat.csv"), List.of("timestamp,value", "1,5", "2,5", "3,5"));
        assertEquals(2, run("--trace", constant.toString()));
        assertTrue(err.toString().contains("constant"), err.toString());

        Path shortOne = Files.write(dir.resolve("short.csv"), List.of("timestamp,value",
                "2015-01-01 00:00:00,1", "2015-01-01 01:00:00,2", "2015-01-01 02:00:00,4"));
        assertEquals(2, run("--trace", shortOne.toString()));
        assertTrue(err.toString().contains("too short") && err.toString().contains("3 seasons + horizon"),
                err.toString());
    }

    @Test
    void badOptionsExitWithTwo() throws Exception {
        Path trace = hourlyTrace();
        assertEquals(2, run("--trace", trace.toString(), "--models", "prophet"));
        assertTrue(err.toString().contains("allowed: seasonal_naive, holt_winters, theta, arima, median, weighted, auto"),
                err.toString());
        assertEquals(2, run("--trace", trace.toString(), "--season", "0"));
        assertEquals(2, run(), "--trace is required");
    }
}
