package io.sessiongrid.node.demo.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic demo runs for the report tests: a daily-like ramp with one scale-out and one scale-in. */
final class DemoRuns {
    static final Instant START = Instant.parse("2026-11-29T12:00:00Z");
    static final String HOSTILE_DETAIL = "server <b>s-2</b> & \"friends\" 'ready' <script>alert(1)</script>";

    private DemoRuns() {
    }

    static DemoSummary summary() {
        return new DemoSummary(2, 1, 137, 1_250_000, 5_000_000, 0, 2, 3.0, 400, 40, 120.0, 100.0, 3, 18.0, 64.0,
                251.5);
    }

    static DemoRun synthetic() {
        List<DemoSample> samples = new ArrayList<>();
        List<BandPoint> band = new ArrayList<>();
        for (int t = 0; t < 120; t++) {
            double offered = 80 + 150 * Math.sin(Math.PI * t / 120.0);
            int ready = t < 25 ? 1 : t < 95 ? 3 : 2;
            int pending = t >= 18 && t < 25 ? 2 : 0;
            samples.add(new DemoSample(START.plusSeconds(t), offered, offered * 0.97, ready, pending, ready * 100.0,
                    Math.min(137, Math.max(0, (t - 25) * 10L)), Math.min(1_250_000, Math.max(0, (t - 25) * 90_000L)),
                    ready, pending));
            band.add(new BandPoint(START.plusSeconds(t + 10), offered * 0.85, offered, offered * 1.15));
        }
        List<DemoEvent> events = List.of(
                new DemoEvent(START.plusSeconds(95), DemoEvent.Kind.SCALE_IN, "3 -> 2 servers"),
                new DemoEvent(START.plusSeconds(18), DemoEvent.Kind.SCALE_OUT, "1 -> 3 servers, forecast 230 req/s"),
                new DemoEvent(START.plusSeconds(25), DemoEvent.Kind.SERVER_READY, HOSTILE_DETAIL),
                new DemoEvent(START.plusSeconds(26), DemoEvent.Kind.MIGRATION_BATCH, "137 connections moved"),
                new DemoEvent(START.plusSeconds(110), DemoEvent.Kind.SERVER_RETIRED, "s-3"));
        return new DemoRun("synthetic-daily", START, Duration.ofSeconds(30), 100.0, samples, band, events, summary());
    }

    static DemoRun empty() {
        return new DemoRun("empty", START, Duration.ofSeconds(30), 100.0, List.of(), List.of(), List.of(),
                new DemoSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100.0, 0, Double.NaN, 0, 0));
    }
}
