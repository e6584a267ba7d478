package io.sessiongrid.metrics;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The sample Prometheus files in deploy/prometheus, checked by Prometheus' own promtool. */
class AlertRulesTest {
    static final Path DIR = Path.of("..", "deploy", "prometheus");
    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void rulesAndScrapeConfigPassPromtool() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "skipped: promtool (Debian package prometheus) is not installed");
        assertEquals(0, promtool("check", "rules", DIR.resolve("alerts.yml").toString()));
        assertEquals(0, promtool("check", "config", DIR.resolve("prometheus.yml").toString()));
    }

    private static int promtool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = PROMTOOL.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String said = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            System.err.println(said);
        }
        return p.exitValue();
    }
}
