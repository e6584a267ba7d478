package io.sessiongrid.profiler;

import java.io.Serializable;
import java.util.ArrayDeque;

/**
 * One application's tumbling windows and the VM-count history the forecast is fitted on: the keyed state of the
 * profiler job. Pure (event time only, no clock). A window closes when a record of a later window arrives; windows
 * without records in between repeat the last VM count, so the series stays regular as the forecasters require.
 * Records older than the open window are dropped ({@link #late()}). Serializable for Jet snapshots.
 *
 * <p>Not thread-safe: Jet gives each key's state to one processor.
 */
final class ProfileWindows implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A closed window's summary. */
    record Window(String appId, long start, long end, int samples, int vmCount, double cpu, double memoryBytes,
                  double networkBytesPerSecond, double dataRate, double interVmBytesPerSecond) {
    }

    private final long windowMillis;
    private final int historyWindows;
    private final ArrayDeque<Double> history = new ArrayDeque<>();
    private String appId;
    private long openStart = Long.MIN_VALUE;
    private int samples;
    private int maxVms;
    private double cpu;
    private double memory;
    private double dataRate;
    private long network;
    private long interVm;
    private long late;

    ProfileWindows(long windowMillis, int historyWindows) {
        this.windowMillis = windowMillis;
        this.historyWindows = historyWindows;
    }

    /**
     * Adds a record; returns the window it closed, or {@code null} when it landed in the open window or was late.
     */
    Window accept(Telemetry t) {
        long start = Math.floorDiv(t.timestamp(), windowMillis) * windowMillis;
        Window closed = null;
        if (openStart == Long.MIN_VALUE) {
            openStart = start;
            appId = t.appId();
        } else if (start < openStart) {
            late++;
            return null;
        } else if (start > openStart) {
            closed = close();
            long missing = Math.min(historyWindows, (start - openStart) / windowMillis - 1);
            for (long i = 0; i < missing; i++) {
                push(closed.vmCount());
            }
            openStart = start;
        }
        samples++;
        maxVms = Math.max(maxVms, t.vmCount());
        cpu += t.cpu();
        memory += t.memoryBytes();
        dataRate += t.dataRate();
        network += t.networkInBytes() + t.networkOutBytes();
        interVm += t.interVmBytes();
        return closed;
    }

    private Window close() {
        double seconds = windowMillis / 1000.0;
        Window w = new Window(appId, openStart, openStart + windowMillis, samples, maxVms, cpu / samples,
                memory / samples, network / seconds, dataRate / samples, interVm / seconds);
        push(maxVms);
        samples = 0;
        maxVms = 0;
        cpu = 0;
        memory = 0;
        dataRate = 0;
        network = 0;
        interVm = 0;
        return w;
    }

    private void push(double vms) {
        history.addLast(vms);
        while (history.size() > historyWindows) {
            history.removeFirst();
        }
    }

    /** VM count per closed window, oldest first (at most {@code historyWindows}). */
    double[] history() {
        return history.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Records dropped because their window had closed. */
    long late() {
        return late;
    }
}
