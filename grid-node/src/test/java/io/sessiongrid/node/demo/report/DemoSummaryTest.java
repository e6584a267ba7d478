package io.sessiongrid.node.demo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoSummaryTest {
    private static final List<String> KEYS = List.of("scale_outs", "scale_ins", "migrations", "replayed_bytes",
            "full_replay_bytes", "lost_sessions", "sni_allocated", "underprovisioned_seconds", "sessions",
            "connections", "duration_s", "capacity_per_server", "peak_servers", "first_scale_out_s", "peak_s",
            "server_seconds");

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheSnakeCaseKeysWithTheirValues() throws IOException {
        Path file = dir.resolve("out/summary.json");
        DemoRuns.summary().write(file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(KEYS, keys);
        assertEquals(2, json.get("scale_outs").intValue());
        assertEquals(1, json.get("scale_ins").intValue());
        assertEquals(137, json.get("migrations").longValue());
        assertEquals(1_250_000, json.get("replayed_bytes").longValue());
        assertEquals(5_000_000, json.get("full_replay_bytes").longValue());
        assertEquals(0, json.get("lost_sessions").longValue());
        assertEquals(2, json.get("sni_allocated").longValue());
        assertEquals(3.0, json.get("underprovisioned_seconds").doubleValue());
        assertEquals(400, json.get("sessions").intValue());
        assertEquals(40, json.get("connections").intValue());
        assertEquals(120.0, json.get("duration_s").doubleValue());
        assertEquals(100.0, json.get("capacity_per_server").doubleValue());
        assertEquals(3, json.get("peak_servers").intValue());
        assertEquals(18.0, json.get("first_scale_out_s").doubleValue());
        assertEquals(64.0, json.get("peak_s").doubleValue());
        assertEquals(251.5, json.get("server_seconds").doubleValue());
        for (String count : List.of("scale_outs", "migrations", "replayed_bytes", "lost_sessions", "peak_servers")) {
            assertTrue(json.get(count).isIntegralNumber(), count + " is written as a whole number");
        }
        assertTrue(Files.readString(file).contains("\n  \"scale_ins\""), "pretty-printed");
    }

    @Test
    void readGivesBackWhatWriteWrote() {
        Path file = dir.resolve("summary.json");
        DemoSummary written = DemoRuns.summary();
        written.write(file);
        assertEquals(written, DemoSummary.read(file));
    }

    @Test
    void nanIsWrittenAsNullAndReadBackAsNaN() throws IOException {
        Path file = dir.resolve("summary.json");
        DemoSummary noScaleOut = DemoRuns.empty().summary();
        noScaleOut.write(file);

        assertTrue(new ObjectMapper().readTree(file.toFile()).get("first_scale_out_s").isNull());
        DemoSummary read = DemoSummary.read(file);
        assertTrue(Double.isNaN(read.firstScaleOutSeconds()));
        assertEquals(noScaleOut, read);
    }

    @Test
    void readNamesTheKeyThatIsMissingOrOfTheWrongKind() throws IOException {
        Path file = dir.resolve("summary.json");
        DemoRuns.summary().write(file);
        String json = Files.readString(file);

        Files.writeString(file, json.replace("\"lost_sessions\"", "\"lost\""));
        DemoReportException missing = assertThrows(DemoReportException.class, () -> DemoSummary.read(file));
        assertTrue(missing.getMessage().contains("'lost_sessions'"), missing.getMessage());

        Files.writeString(file, json.replace("\"scale_outs\" : 2", "\"scale_outs\" : 2.5"));
        DemoReportException fractional = assertThrows(DemoReportException.class, () -> DemoSummary.read(file));
        assertTrue(fractional.getMessage().contains("'scale_outs' must be a whole number"), fractional.getMessage());

        Files.writeString(file, "[1, 2]");
        assertThrows(DemoReportException.class, () -> DemoSummary.read(file));
        assertThrows(DemoReportException.class, () -> DemoSummary.read(dir.resolve("absent.json")));
    }

    @Test
    void replaySavingIsTheShareOfTheFullReplayNotCopied() {
        assertEquals(75.0, DemoRuns.summary().replaySavingPercent(), 1e-9);
        assertTrue(Double.isNaN(DemoRuns.empty().summary().replaySavingPercent()));
    }
}
