package io.sessiongrid.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections one server serves, as its connection layer would know them: a connection starts being served
 * when it arrives (a move's {@code ConnectionArrived}, or the registry naming this server its owner) and stops when
 * it moves away. Move events come first-hand; a periodic {@link #reconcile} with the registry catches what no event
 * announced (connections a driver opened for this server, a missed event). A reconcile never undoes an event that
 * happened after its registry snapshot was taken: take {@link #mark()} before reading the registry. Thread-safe;
 * no I/O.
 */
public final class ServedConnections {

    /** A served connection and its session. */
    public record Served(String connectionId, String sessionId) {
    }

    /** What a call changed: connections that started and stopped being served (for the tracker). */
    public record Changes(List<Served> started, List<Served> stopped) {
        public Changes {
            started = List.copyOf(started);
            stopped = List.copyOf(stopped);
        }

        public boolean isEmpty() {
            return started.isEmpty() && stopped.isEmpty();
        }
    }

    private final Map<String, Served> served = new LinkedHashMap<>();
    /** The sequence number of the last event about each connection (arrival or departure). */
    private final Map<String, Long> lastEvent = new HashMap<>();
    private long sequence;
    private long arrivals;
    private long departures;

    /** A sequence number to pass to {@link #reconcile}; take it before reading the registry. */
    public synchronized long mark() {
        return sequence;
    }

    /** The connection is now served here; false when it already was. */
    public synchronized boolean arrived(String connectionId, String sessionId) {
        lastEvent.put(connectionId, ++sequence);
        if (served.putIfAbsent(connectionId, new Served(connectionId, sessionId)) != null) {
            return false;
        }
        arrivals++;
        return true;
    }

    /** The connection moved away (or closed); false when it was not served here. */
    public synchronized boolean left(String connectionId) {
        lastEvent.put(connectionId, ++sequence);
        if (served.remove(connectionId) == null) {
            return false;
        }
        departures++;
        return true;
    }

    /**
     * Makes the served set agree with the registry's view {@code owned} (connection id to session id of the
     * connections the registry says this server serves), taken after {@code mark}: connections with an event
     * newer than the snapshot keep what the event said.
     */
    public synchronized Changes reconcile(long mark, Map<String, String> owned) {
        List<Served> started = new ArrayList<>();
        List<Served> stopped = new ArrayList<>();
        for (Map.Entry<String, String> e : owned.entrySet()) {
            if (!served.containsKey(e.getKey()) && !newer(e.getKey(), mark)) {
                Served s = new Served(e.getKey(), e.getValue());
                served.put(e.getKey(), s);
                started.add(s);
                arrivals++;
            }
        }
        for (Served s : List.copyOf(served.values())) {
            if (!owned.containsKey(s.connectionId()) && !newer(s.connectionId(), mark)) {
                served.remove(s.connectionId());
                stopped.add(s);
                departures++;
            }
        }
        lastEvent.values().removeIf(seq -> seq <= mark); // older events can no longer win against a snapshot
        return new Changes(started, stopped);
    }

    private boolean newer(String connectionId, long mark) {
        Long seq = lastEvent.get(connectionId);
        return seq != null && seq > mark;
    }

    /** The served connections, in the order they arrived. */
    public synchronized List<Served> served() {
        return List.copyOf(served.values());
    }

    public synchronized boolean contains(String connectionId) {
        return served.containsKey(connectionId);
    }

    public synchronized int size() {
        return served.size();
    }

    /** Connections that started being served here, by event or reconcile, since the start. */
    public synchronized long arrivals() {
        return arrivals;
    }

    /** Connections that stopped being served here since the start. */
    public synchronized long departures() {
        return departures;
    }
}
