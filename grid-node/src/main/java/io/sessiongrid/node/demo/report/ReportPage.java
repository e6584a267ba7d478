package io.sessiongrid.node.demo.report;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.sessiongrid.node.demo.report.ReportText.escape;

/** The HTML of {@code report.html}: one page, no external resources, every text escaped. */
final class ReportPage {
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 1250px; color: #222; line-height: 1.4; }
            h1 { margin-bottom: 0.2em; }
            h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; }
            th, td { border-bottom: 1px solid #eee; padding: 0.25em 0.8em; text-align: left; vertical-align: top; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code { background: #f4f4f4; padding: 0 0.2em; }
            img { max-width: 100%; border: 1px solid #eee; }
            .note { color: #666; font-style: italic; }
            .bar { height: 1.1em; background: #0070c8; }
            .bar.full { background: #c8c8c8; }
            """;

    private ReportPage() {
    }

    /** The page; {@code charts} are the PNGs of {@link DemoCharts}, in order, empty where nothing was drawn. */
    static String html(DemoRun run, Optional<byte[]> demand, Optional<byte[]> servers, Optional<byte[]> sni) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>SessionGrid demo: ").append(escape(run.workload())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(h, run);
        summary(h, run.summary());
        h.append("<h2>Demand, forecast and capacity</h2>\n");
        chart(h, demand, "demand, forecast band and ready capacity over time",
                "no samples and no forecast were recorded: nothing to draw");
        h.append("<h2>Servers, migrations and selective replay</h2>\n");
        chart(h, servers, "ready and pending servers and cumulative migrations over time",
                "no samples were recorded: nothing to draw");
        replayFigure(h, run.summary());
        h.append("<h2>SNI identifiers</h2>\n");
        chart(h, sni, "SNI identifiers leased and reserved over time", "no samples were recorded: nothing to draw");
        events(h, run);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void header(StringBuilder h, DemoRun run) {
        DemoSummary s = run.summary();
        h.append("<h1>SessionGrid demo</h1>\n<p>Workload <b>").append(escape(run.workload()))
                .append("</b>, started ").append(escape(run.start().toString()))
                .append(", ran ").append(escape(ReportText.real(s.durationSeconds()))).append(" s")
                .append("; capacity per server ").append(escape(ReportText.real(run.capacityPerServer())))
                .append(" requests/s; forecast horizon ").append(escape(ReportText.duration(run.horizon())))
                .append(".</p>\n<p>").append(escape(String.format(Locale.ROOT,
                        "Scale-outs %d, scale-ins %d, migrations %,d, lost sessions %,d; "
                                + "offered demand exceeded ready capacity for %s s.",
                        s.scaleOuts(), s.scaleIns(), s.migrations(), s.lostSessions(),
                        ReportText.real(s.underprovisionedSeconds()))))
                .append("</p>\n");
    }

    private static void summary(StringBuilder h, DemoSummary s) {
        h.append("<h2>Summary (<code>summary.json</code>)</h2>\n<table>\n")
                .append("<tr><th>key</th><th>value</th><th>meaning</th></tr>\n");
        for (Map.Entry<String, Number> f : s.figures().entrySet()) {
            h.append("<tr><td><code>").append(escape(f.getKey())).append("</code></td><td class=\"num\">")
                    .append(escape(ReportText.figure(f.getKey(), f.getValue()))).append("</td><td>")
                    .append(escape(ReportText.EXPLANATIONS.getOrDefault(f.getKey(), ""))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void chart(StringBuilder h, Optional<byte[]> png, String alt, String note) {
        if (png.isPresent()) {
            h.append("<p><img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png.get())).append("\"></p>\n");
        } else {
            h.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
    }

    /** Two bars, full replay against selective replay, so the saving shows without reading numbers. */
    private static void replayFigure(StringBuilder h, DemoSummary s) {
        h.append("<p>").append(escape(ReportText.replaySaving(s))).append(".</p>\n");
        if (s.fullReplayBytes() <= 0) {
            return;
        }
        double share = Math.max(0, Math.min(100, 100.0 * s.replayedBytes() / s.fullReplayBytes()));
        h.append("<table>\n<tr><td>full replay</td><td style=\"width:600px\"><div class=\"bar full\" ")
                .append("style=\"width:100%\"></div></td><td class=\"num\">")
                .append(escape(ReportText.figure(DemoSummary.FULL_REPLAY_BYTES, s.fullReplayBytes())))
                .append("</td></tr>\n<tr><td>selective replay</td><td><div class=\"bar\" style=\"width:")
                .append(String.format(Locale.ROOT, "%.2f", share)).append("%\"></div></td><td class=\"num\">")
                .append(escape(ReportText.figure(DemoSummary.REPLAYED_BYTES, s.replayedBytes())))
                .append("</td></tr>\n</table>\n");
    }

    private static void events(StringBuilder h, DemoRun run) {
        h.append("<h2>Events</h2>\n");
        if (run.events().isEmpty()) {
            h.append("<p class=\"note\">no events were recorded</p>\n");
            return;
        }
        List<DemoEvent> sorted = run.events().stream().sorted(Comparator.comparing(DemoEvent::at)).toList();
        h.append("<table>\n<tr><th>time (s)</th><th>event</th><th>detail</th></tr>\n");
        for (DemoEvent e : sorted) {
            h.append("<tr><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f", DemoCharts.seconds(run, e.at())))
                    .append("</td><td>").append(escape(e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                    .append("</td><td>").append(escape(e.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }
}
