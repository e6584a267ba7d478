package io.sessiongrid.profiler;

import com.hazelcast.config.Config;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.core.metrics.Metrics;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import io.sessiongrid.config.compact.SqlMappings;

import java.util.List;
import java.util.Objects;

/**
 * The behavioural profiler job and its maps: telemetry in {@value #TELEMETRY} (with an event journal), profiles out
 * in {@value #PROFILES}. One job per cluster, named {@value #JOB_NAME}; {@link #submit} is idempotent.
 *
 * <pre>
 *   mapJournal(telemetry) -> groupingKey(appId) -> mapStateful(AppProfiler: close windows, forecast) -> profiles
 * </pre>
 * Jet user metrics: {@code sniTelemetryIn}, {@code sniProfilesOut}, {@code sniTelemetryLate}.
 */
public final class BehavioralProfiler {
    /** Telemetry input, key = application id (one partition per application keeps its records in order). */
    public static final String TELEMETRY = "sessiongrid.sni.telemetry";
    /** Profiles output, key = application id, Compact {@code sessiongrid.sni.AppProfile}. */
    public static final String PROFILES = "sessiongrid.sni.profiles";
    public static final String JOB_NAME = "sessiongrid-sni-profiler";
    /** Journal entries per partition: at one record per application per few seconds, hours of backlog. */
    static final int JOURNAL_CAPACITY = 100_000;

    private BehavioralProfiler() {
    }

    /**
     * Member configuration: the telemetry map's event journal and the Compact serializers. Jet must be enabled
     * (the caller's config decides; this does not switch it on).
     */
    public static Config configure(Config member) {
        member.addMapConfig(new MapConfig(TELEMETRY).setBackupCount(1)
                .setEventJournalConfig(new EventJournalConfig().setEnabled(true).setCapacity(JOURNAL_CAPACITY)));
        ProfilerSerialization.register(member.getSerializationConfig());
        return member;
    }

    /**
     * SQL mappings of {@value #TELEMETRY} and {@value #PROFILES} (every field; key column {@code appId}). Run each
     * with {@code getSql().execute(...)} on a data member.
     */
    public static List<String> sqlMappings() {
        return List.of(
                SqlMappings.compactValues(TELEMETRY, SqlMappings.keyFormat("varchar"), "sessiongrid.sni.Telemetry",
                        "\"appId\" VARCHAR, \"timestamp\" BIGINT, \"vmCount\" INT, \"cpu\" DOUBLE, "
                                + "\"memoryBytes\" BIGINT, \"networkInBytes\" BIGINT, \"networkOutBytes\" BIGINT, "
                                + "\"dataRate\" DOUBLE, \"interVmBytes\" BIGINT"),
                SqlMappings.compactValues(PROFILES, SqlMappings.keyFormat("varchar"), "sessiongrid.sni.AppProfile",
                        "\"appId\" VARCHAR, \"windowEnd\" BIGINT, \"samples\" INT, \"vmCount\" INT, "
                                + "\"cpu\" DOUBLE, \"memoryBytes\" DOUBLE, \"networkBytesPerSecond\" DOUBLE, "
                                + "\"dataRate\" DOUBLE, \"interVmBytesPerSecond\" DOUBLE, \"predictedVms\" DOUBLE, "
                                + "\"lowerBound\" DOUBLE, \"upperBound\" DOUBLE, \"confidence\" DOUBLE, "
                                + "\"horizonMillis\" BIGINT, \"model\" VARCHAR, \"historyWindows\" INT"));
    }

    /** Records one telemetry sample (one IMap write; call it per interval, not per event). */
    public static void record(HazelcastInstance instance, Telemetry telemetry) {
        Objects.requireNonNull(telemetry, "telemetry");
        instance.<String, Telemetry>getMap(TELEMETRY).set(telemetry.appId(), telemetry);
    }

    /** Starts the job unless a job named {@value #JOB_NAME} is already running; returns the running job. */
    public static Job submit(HazelcastInstance instance, ProfilerConfig config) {
        return instance.getJet().newJobIfAbsent(pipeline(config), new JobConfig().setName(JOB_NAME));
    }

    /** The pipeline, for callers that submit it themselves. */
    public static Pipeline pipeline(ProfilerConfig config) {
        Pipeline p = Pipeline.create();
        p.readFrom(Sources.<Telemetry, String, Telemetry>mapJournal(TELEMETRY, JournalInitialPosition.START_FROM_OLDEST,
                        e -> e.getNewValue(), e -> e.getNewValue() != null))
                .withoutTimestamps()
                .setName("telemetry")
                .groupingKey(Telemetry::appId)
                .mapStateful(() -> new AppProfiler(config), (state, app, t) -> {
                    Metrics.metric("sniTelemetryIn").increment();
                    long lateBefore = state.late();
                    AppProfile profile = state.accept(t);
                    if (state.late() > lateBefore) {
                        Metrics.metric("sniTelemetryLate").increment();
                    }
                    if (profile != null) {
                        Metrics.metric("sniProfilesOut").increment();
                    }
                    return profile;
                })
                .setName("window-and-forecast")
                .writeTo(Sinks.map(PROFILES, AppProfile::appId, profile -> profile))
                .setName("profiles");
        return p;
    }
}
