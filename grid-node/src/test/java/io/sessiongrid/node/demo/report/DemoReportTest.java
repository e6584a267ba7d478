package io.sessiongrid.node.demo.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoReportTest {
    private static final Pattern PNG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path dir;

    @Test
    void writesTheSummaryAndAPageWithThreeChartsThatDecode() throws IOException {
        Path out = dir.resolve("target/demo");
        Path report = DemoReport.write(DemoRuns.synthetic(), out);

        assertEquals(out.resolve("report.html"), report);
        assertEquals(DemoRuns.summary(), DemoSummary.read(out.resolve("summary.json")));
        List<BufferedImage> charts = charts(Files.readString(report));
        assertEquals(3, charts.size());
        for (BufferedImage chart : charts) {
            assertTrue(chart.getWidth() >= 800 && chart.getHeight() >= 300, "chart size " + chart.getWidth());
            assertTrue(colours(chart) > 20, "a chart with lines, a legend and text has many colours");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(Set.of("report.html", "summary.json"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()), "no temporary file left");
        }
    }

    @Test
    void thePageExplainsEveryFigureAndListsTheEventsEscaped() throws IOException {
        String html = Files.readString(DemoReport.write(DemoRuns.synthetic(), dir));

        for (String key : DemoRuns.summary().figures().keySet()) {
            assertTrue(html.contains("<code>" + key + "</code>"), key);
        }
        assertTrue(html.contains("seconds in which offered demand exceeded ready capacity"));
        assertTrue(html.contains("what copying every partition type of the moved sessions would have copied"));
        assertTrue(html.contains("75.0 % saved"), "the selective replay saving");
        assertTrue(html.contains("synthetic-daily") && html.contains("30 s"), "the header says what ran");
        assertTrue(html.contains("server &lt;b&gt;s-2&lt;/b&gt; &amp; &quot;friends&quot; &#39;ready&#39; "
                + "&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains(DemoRuns.HOSTILE_DETAIL));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertTrue(html.indexOf("scale out") < html.indexOf("server ready")
                && html.indexOf("server ready") < html.indexOf("scale in", html.indexOf("server ready")),
                "events in time order");
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        String html = Files.readString(DemoReport.write(DemoRuns.synthetic(), dir));

        assertFalse(html.toLowerCase(Locale.ROOT).contains("http"), "no http(s) reference of any kind");
        assertFalse(html.contains("<link") || html.contains("@import") || html.contains("url("));
        Matcher src = Pattern.compile("src=\"([^\"]{0,30})").matcher(html);
        int sources = 0;
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:image/png;base64,"), src.group(1));
            sources++;
        }
        assertEquals(3, sources);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.trim().endsWith("</html>"));
    }

    @Test
    void anEmptyRunStillRendersAPageWithNotes() throws IOException {
        Path report = DemoReport.write(DemoRuns.empty(), dir);

        String html = Files.readString(report);
        assertEquals(0, charts(html).size());
        assertTrue(html.contains("nothing to draw"));
        assertTrue(html.contains("no events were recorded"));
        assertTrue(html.contains("no session moved"));
        assertTrue(html.trim().endsWith("</html>"));
        assertTrue(Double.isNaN(DemoSummary.read(dir.resolve("summary.json")).firstScaleOutSeconds()));
    }

    @Test
    void aForecastWithoutSamplesAndSamplesWithGapsStillDraw() throws IOException {
        DemoRun full = DemoRuns.synthetic();
        DemoRun bandOnly = new DemoRun("band only", full.start(), Duration.ofSeconds(10), 50, List.of(), full.band(),
                full.events(), full.summary());
        assertEquals(1, charts(Files.readString(DemoReport.write(bandOnly, dir.resolve("a")))).size());

        List<DemoSample> gaps = new ArrayList<>(full.samples());
        DemoSample first = gaps.get(0);
        gaps.set(0, new DemoSample(first.at(), Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0));
        List<BandPoint> band = new ArrayList<>(full.band());
        band.add(new BandPoint(full.start(), Double.NaN, Double.NaN, Double.NaN));
        DemoRun withGaps = new DemoRun("gaps", full.start(), full.horizon(), 100, gaps, band, List.of(),
                full.summary());
        assertEquals(3, charts(Files.readString(DemoReport.write(withGaps, dir.resolve("b")))).size());
    }

    @Test
    void writingAgainReplacesTheFiles() throws IOException {
        DemoReport.write(DemoRuns.synthetic(), dir);
        Path report = DemoReport.write(DemoRuns.empty(), dir);

        assertTrue(Files.readString(report).contains("nothing to draw"));
        assertEquals(DemoRuns.empty().summary(), DemoSummary.read(dir.resolve("summary.json")));
    }

    private static List<BufferedImage> charts(String html) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        Matcher m = PNG.matcher(html);
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(image, "an embedded PNG decodes");
            images.add(image);
        }
        return images;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
