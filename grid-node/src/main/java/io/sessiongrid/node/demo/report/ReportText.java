package io.sessiongrid.node.demo.report;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static java.util.Map.entry;

/** The words and number formats of the report: what each summary key means, and HTML escaping. */
final class ReportText {
    /** One line per {@code summary.json} key. */
    static final Map<String, String> EXPLANATIONS = Map.ofEntries(
            entry(DemoSummary.SCALE_OUTS, "scale-out decisions the engine carried out (servers launched)"),
            entry(DemoSummary.SCALE_INS, "scale-in decisions the engine carried out (servers drained and retired)"),
            entry(DemoSummary.MIGRATIONS, "connections moved to another server, sessions replayed selectively"),
            entry(DemoSummary.REPLAYED_BYTES, "bytes selective replay copied for the moved sessions"),
            entry(DemoSummary.FULL_REPLAY_BYTES,
                    "what copying every partition type of the moved sessions would have copied"),
            entry(DemoSummary.LOST_SESSIONS, "sessions that failed the end-of-run verification (should be 0)"),
            entry(DemoSummary.SNI_ALLOCATED, "SNI identifiers handed to new servers from the '"
                    + DemoCharts.SNI_APP + "' pool"),
            entry(DemoSummary.UNDERPROVISIONED_SECONDS, "seconds in which offered demand exceeded ready capacity"),
            entry(DemoSummary.SESSIONS, "sessions the simulated application created"),
            entry(DemoSummary.CONNECTIONS, "simulated application connections driving requests"),
            entry(DemoSummary.DURATION_S, "length of the run, in seconds"),
            entry(DemoSummary.CAPACITY_PER_SERVER, "demand one server serves (requests/s)"),
            entry(DemoSummary.PEAK_SERVERS, "most servers ready at the same time"),
            entry(DemoSummary.FIRST_SCALE_OUT_S, "seconds from the start to the first scale-out (none if the run never scaled out)"),
            entry(DemoSummary.PEAK_S, "seconds from the start to the peak of offered demand"),
            entry(DemoSummary.SERVER_SECONDS, "ready-server time summed over the run: what the fleet cost"));

    private ReportText() {
    }

    /** Text made safe for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A summary figure for people: counts grouped, reals with up to two decimals, NaN as "none". */
    static String figure(String key, Number value) {
        if (value instanceof Integer || value instanceof Long) {
            String count = String.format(Locale.ROOT, "%,d", value.longValue());
            return key.endsWith("_bytes") ? count + " (" + bytes(value.longValue()) + ")" : count;
        }
        return real(value.doubleValue());
    }

    static String real(double value) {
        if (!Double.isFinite(value)) {
            return "none";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String duration(Duration d) {
        return real(d.toMillis() / 1000.0) + " s";
    }

    /** What selective replay saved, as one sentence. */
    static String replaySaving(DemoSummary s) {
        if (s.fullReplayBytes() <= 0) {
            return "no session moved: nothing to replay";
        }
        return String.format(Locale.ROOT, "selective replay copied %s of the %s a full replay would have: %.1f %% saved",
                bytes(s.replayedBytes()), bytes(s.fullReplayBytes()), s.replaySavingPercent());
    }
}
