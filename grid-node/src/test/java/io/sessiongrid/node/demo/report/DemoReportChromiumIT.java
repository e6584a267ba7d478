package io.sessiongrid.node.demo.report;

import io.sessiongrid.chart.Charts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the report in a real browser: Debian's {@code chromium}, headless. Skipped where it is not on the PATH
 * (it is not a build dependency). A process test, hence an IT.
 */
class DemoReportChromiumIT {
    private static final Pattern IMG = Pattern.compile("<img [^>]*src=\"data:image/png;base64,");

    @TempDir
    Path dir;

    @Test
    void chromiumLoadsThePageAndPaintsTheCharts() throws Exception {
        Optional<Path> chromium = onPath("chromium");
        assumeTrue(chromium.isPresent(), "Debian's chromium is not on the PATH: the browser check is skipped");
        Path report = DemoReport.write(DemoRuns.synthetic(), dir.resolve("demo"));

        String dom = run(chromium.get(), "--dump-dom", report.toUri().toString());
        assertTrue(dom.contains("<h1>SessionGrid demo</h1>"), "the page loaded: " + head(dom));
        assertEquals(3, IMG.matcher(dom).results().count(), "the three charts are in the DOM");
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile detail stayed text");

        Path shot = dir.resolve("shot.png");
        run(chromium.get(), "--window-size=1300,2600", "--screenshot=" + shot, report.toUri().toString());
        BufferedImage image = ImageIO.read(shot.toFile());
        assertNotNull(image, "chromium wrote a PNG screenshot");
        assertTrue(pixelsNear(image, Charts.ORANGE) > 100,
                "the ready-capacity line of the first chart is painted: the embedded PNGs decoded in the browser");
    }

    private String run(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + command);
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(dir.resolve("chromium.err")));
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static String head(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static long pixelsNear(BufferedImage image, Color colour) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        try (Stream<String> dirs = Stream.of(path.split(Pattern.quote(File.pathSeparator)))) {
            return dirs.filter(d -> !d.isBlank()).map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
        }
    }
}
