package io.sessiongrid.profiler;

import java.io.Serializable;
import java.util.Objects;

/**
 * One application's profiler: the keyed state and step of the {@link BehavioralProfiler} job, usable on its own so
 * that a replay (e.g. {@code bench sni}) runs the very code the job runs, at trace speed. Feed it the application's
 * telemetry in event-time order; each record that closes a window returns that window's {@link AppProfile}, whose
 * forecast is fitted on the closed windows only (nothing from the open window or later). Pure (event time, no
 * clock); not thread-safe; Serializable for Jet snapshots.
 */
public final class AppProfiler implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ProfilerConfig config;
    private final ProfileWindows windows;

    public AppProfiler(ProfilerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.windows = new ProfileWindows(config.window().toMillis(), config.historyWindows());
    }

    /**
     * Adds a telemetry record.
     *
     * @return the profile of the window this record closed, or {@code null} when it landed in the open window or
     *         was late (its window had closed; counted in {@link #late()})
     */
    public AppProfile accept(Telemetry telemetry) {
        ProfileWindows.Window closed = windows.accept(telemetry);
        return closed == null ? null : VmForecasting.profile(closed, windows.history(), config);
    }

    /** Records dropped because their window had closed. */
    public long late() {
        return windows.late();
    }
}
