package io.sessiongrid.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many requests each served connection owes at a tick: every connection earns {@code workload.rate(now)}
 * requests per second of elapsed time as credit, and each whole unit is one request due. A server that falls
 * behind does not pile up an unbounded backlog: credit beyond {@code maxBacklog} worth of requests is dropped and
 * counted as shed (a real server would have refused or timed those out). Pure book-keeping, no I/O; one thread.
 */
public final class RequestPacer {
    private final Workload workload;
    private final double maxBacklogSeconds;
    private final Map<String, Double> credit = new HashMap<>();
    private Instant last;
    private volatile long shed; // written by the pacing thread only

    public RequestPacer(Workload workload, Duration maxBacklog) {
        this.workload = workload;
        this.maxBacklogSeconds = maxBacklog.toMillis() / 1000.0;
        if (!(maxBacklogSeconds > 0)) {
            throw new IllegalArgumentException("maxBacklog must be > 0, got " + maxBacklog);
        }
    }

    /**
     * The requests due at {@code now} for each of {@code served} (only connections that owe at least one appear).
     * A connection seen for the first time starts with a credit in {@code [0, 1)} taken from its id, so that the
     * connections of a server do not all fire on the same tick; connections no longer served are forgotten.
     */
    public Map<String, Integer> due(Instant now, Collection<String> served) {
        double seconds = last == null ? 0 : Math.max(0, Duration.between(last, now).toNanos() / 1e9);
        last = now;
        double rate = workload.rate(now);
        double cap = Math.max(1, rate * maxBacklogSeconds);
        credit.keySet().retainAll(served instanceof java.util.Set<?> ? served : new java.util.HashSet<>(served));
        Map<String, Integer> due = new LinkedHashMap<>();
        for (String c : served) {
            double owed = credit.computeIfAbsent(c, RequestPacer::initialCredit) + rate * seconds;
            if (owed > cap) {
                shed += (long) Math.floor(owed - cap);
                owed = cap;
            }
            int whole = (int) Math.floor(owed);
            credit.put(c, owed - whole);
            if (whole > 0) {
                due.put(c, whole);
            }
        }
        return due;
    }

    /** Requests dropped because the server fell more than the backlog behind. */
    public long shed() {
        return shed;
    }

    /** A stable fraction in [0, 1) from the connection id. */
    static double initialCredit(String connectionId) {
        return (connectionId.hashCode() & 0x7fffffff) % 1000 / 1000.0;
    }
}
