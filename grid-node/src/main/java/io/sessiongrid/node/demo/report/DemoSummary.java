package io.sessiongrid.node.demo.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of {@code summary.json}, under these snake_case keys in this order: {@value #SCALE_OUTS}, {@value
 * #SCALE_INS}, {@value #MIGRATIONS}, {@value #REPLAYED_BYTES}, {@value #FULL_REPLAY_BYTES}, {@value
 * #LOST_SESSIONS}, {@value #SNI_ALLOCATED}, {@value #UNDERPROVISIONED_SECONDS}, then the context keys {@value
 * #SESSIONS}, {@value #CONNECTIONS}, {@value #DURATION_S}, {@value #CAPACITY_PER_SERVER}, {@value #PEAK_SERVERS},
 * {@value #FIRST_SCALE_OUT_S}, {@value #PEAK_S}, {@value #SERVER_SECONDS}. A NaN (e.g. {@code firstScaleOutSeconds}
 * of a run that never scaled out) is written as JSON {@code null} and read back as NaN.
 *
 * @param underprovisionedSeconds seconds in which offered demand exceeded ready capacity
 * @param fullReplayBytes         what copying every partition type of the moved sessions would have copied
 * @param firstScaleOutSeconds    seconds from the start to the first scale-out; NaN if none
 * @param peakSeconds             seconds from the start to the peak of offered demand
 * @param serverSeconds           ready-server time summed over the run (what the fleet cost)
 */
public record DemoSummary(int scaleOuts, int scaleIns, long migrations, long replayedBytes, long fullReplayBytes,
                          long lostSessions, long sniAllocated, double underprovisionedSeconds,
                          int sessions, int connections, double durationSeconds, double capacityPerServer,
                          int peakServers, double firstScaleOutSeconds, double peakSeconds,
                          double serverSeconds) {
    public static final String SCALE_OUTS = "scale_outs";
    public static final String SCALE_INS = "scale_ins";
    public static final String MIGRATIONS = "migrations";
    public static final String REPLAYED_BYTES = "replayed_bytes";
    public static final String FULL_REPLAY_BYTES = "full_replay_bytes";
    public static final String LOST_SESSIONS = "lost_sessions";
    public static final String SNI_ALLOCATED = "sni_allocated";
    public static final String UNDERPROVISIONED_SECONDS = "underprovisioned_seconds";
    public static final String SESSIONS = "sessions";
    public static final String CONNECTIONS = "connections";
    public static final String DURATION_S = "duration_s";
    public static final String CAPACITY_PER_SERVER = "capacity_per_server";
    public static final String PEAK_SERVERS = "peak_servers";
    public static final String FIRST_SCALE_OUT_S = "first_scale_out_s";
    public static final String PEAK_S = "peak_s";
    public static final String SERVER_SECONDS = "server_seconds";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The figures by their {@code summary.json} key, in file order (Integer, Long or Double values). */
    public Map<String, Number> figures() {
        Map<String, Number> f = new LinkedHashMap<>();
        f.put(SCALE_OUTS, scaleOuts);
        f.put(SCALE_INS, scaleIns);
        f.put(MIGRATIONS, migrations);
        f.put(REPLAYED_BYTES, replayedBytes);
        f.put(FULL_REPLAY_BYTES, fullReplayBytes);
        f.put(LOST_SESSIONS, lostSessions);
        f.put(SNI_ALLOCATED, sniAllocated);
        f.put(UNDERPROVISIONED_SECONDS, underprovisionedSeconds);
        f.put(SESSIONS, sessions);
        f.put(CONNECTIONS, connections);
        f.put(DURATION_S, durationSeconds);
        f.put(CAPACITY_PER_SERVER, capacityPerServer);
        f.put(PEAK_SERVERS, peakServers);
        f.put(FIRST_SCALE_OUT_S, firstScaleOutSeconds);
        f.put(PEAK_S, peakSeconds);
        f.put(SERVER_SECONDS, serverSeconds);
        return f;
    }

    /**
     * The share of {@code fullReplayBytes} that selective replay did not copy, in percent; NaN when nothing moved.
     */
    public double replaySavingPercent() {
        return fullReplayBytes <= 0 ? Double.NaN : 100.0 * (fullReplayBytes - replayedBytes) / fullReplayBytes;
    }

    /** Writes the figures as pretty-printed JSON to {@code file} (creating its directory), all or nothing. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        figures().forEach((key, value) -> {
            if (value instanceof Integer || value instanceof Long) {
                root.put(key, value.longValue());
            } else if (Double.isFinite(value.doubleValue())) {
                root.put(key, value.doubleValue());
            } else {
                root.putNull(key); // NaN and infinities are not JSON numbers
            }
        });
        try {
            ReportFiles.replace(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new DemoReportException("cannot write the demo summary to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a file {@link #write} wrote. Keys it does not know are ignored.
     *
     * @throws DemoReportException if the file cannot be read, is not a JSON object, or lacks a key or has a
     *                             value of the wrong kind (whole numbers for counts, numbers or null otherwise)
     */
    public static DemoSummary read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new DemoReportException("cannot read the demo summary " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DemoReportException(file + " is not a demo summary: expected a JSON object of figures"
                    + " as DemoSummary.write writes it");
        }
        Fields f = new Fields(file, root);
        return new DemoSummary(f.integer(SCALE_OUTS), f.integer(SCALE_INS), f.count(MIGRATIONS),
                f.count(REPLAYED_BYTES), f.count(FULL_REPLAY_BYTES), f.count(LOST_SESSIONS), f.count(SNI_ALLOCATED),
                f.real(UNDERPROVISIONED_SECONDS), f.integer(SESSIONS), f.integer(CONNECTIONS), f.real(DURATION_S),
                f.real(CAPACITY_PER_SERVER), f.integer(PEAK_SERVERS), f.real(FIRST_SCALE_OUT_S), f.real(PEAK_S),
                f.real(SERVER_SECONDS));
    }

    /** Typed access to the keys of one summary file, failing with the file and key named. */
    private record Fields(Path file, JsonNode root) {
        long count(String key) {
            JsonNode n = root.get(key);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
                throw wrong(key, "a whole number", n);
            }
            return n.longValue();
        }

        int integer(String key) {
            JsonNode n = root.get(key);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
                throw wrong(key, "a whole number within int range", n);
            }
            return n.intValue();
        }

        double real(String key) {
            JsonNode n = root.get(key);
            if (n != null && n.isNull()) {
                return Double.NaN;
            }
            if (n == null || !n.isNumber()) {
                throw wrong(key, "a number or null", n);
            }
            return n.doubleValue();
        }

        private DemoReportException wrong(String key, String allowed, JsonNode found) {
            return new DemoReportException("demo summary " + file + ": key '" + key + "' must be " + allowed
                    + ", found " + (found == null ? "no such key" : found.toString()));
        }
    }
}
