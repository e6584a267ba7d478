package io.sessiongrid.node.demo.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the report shows. The lists are copied; they need not be sorted (the report sorts by time).
 *
 * @param workload          what drove the run (the built-in synthetic workload's name, or the trace file)
 * @param start             when the run started; charts count seconds from here
 * @param horizon           how far ahead the scaling engine forecast
 * @param capacityPerServer the demand one server serves (requests/s)
 */
public record DemoRun(String workload, Instant start, Duration horizon, double capacityPerServer,
                      List<DemoSample> samples, List<BandPoint> band, List<DemoEvent> events, DemoSummary summary) {
    public DemoRun {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(summary, "summary");
        samples = List.copyOf(samples);
        band = List.copyOf(band);
        events = List.copyOf(events);
    }
}
