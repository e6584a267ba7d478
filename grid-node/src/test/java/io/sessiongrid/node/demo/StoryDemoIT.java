package io.sessiongrid.node.demo;

import io.sessiongrid.node.demo.report.DemoSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo in a short mode (a 60-second day, 120 connections), end to end with real server JVMs started by the
 * engine's local-process provisioner: the load ramp makes the engine scale out before the peak, connections migrate
 * to the new servers (which serve them: sessions carry their writes), the engine scales in after the peak, and no
 * session is lost. This is also the scaling engine's end-to-end test with real processes.
 */
class StoryDemoIT {

    @Test
    void aShortDayScalesOutBeforeThePeakMigratesScalesInAndLosesNothing(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StoryOptions options = new StoryOptions(Duration.ofSeconds(60), Optional.empty(), 120, dir);
        int exit = new StoryDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8), options, false).run();
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit, out);
        DemoSummary s = DemoSummary.read(dir.resolve("summary.json"));
        assertEquals(0, s.lostSessions(), out);
        assertTrue(s.scaleOuts() >= 1, "at least one scale-out\n" + out);
        assertTrue(s.firstScaleOutSeconds() < s.peakSeconds(), "the first scale-out comes before the peak\n" + out);
        assertTrue(s.peakServers() >= 2, "a new server became ready\n" + out);
        assertTrue(s.migrations() >= 1, "connections migrated to the new servers\n" + out);
        assertTrue(s.replayedBytes() > 0 && s.replayedBytes() < s.fullReplayBytes(),
                "selective replay copied less than a full replay would have\n" + out);
        assertTrue(s.scaleIns() >= 1, "at least one scale-in after the peak\n" + out);
        assertTrue(s.sniAllocated() >= 1, "new servers took identifiers from the engine's reservation\n" + out);
        assertTrue(out.contains("0 connection(s) without a live owner"), out);
        assertTrue(out.matches("(?s).*written by a server other than this member.*") && !out.contains(
                ", 0 session(s) written by a server other than this member"), "the new servers served sessions\n" + out);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"), "the report embeds its charts");
        assertTrue(out.contains("demo passed"), out);
    }
}
