package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import io.sessiongrid.analyzer.score.ConnectionHealth;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One session's state in the aggregating processor: the session's own windows and its connections. A session
 * lives in the processor that owns its ingest key (trackers batch samples by the session's Hazelcast
 * partition), so every connection of a session, from any tracker, meets here. It is also the unit of the Jet
 * snapshot, saved under that ingest key so that a restore brings it back to the processor that receives the
 * session's samples.
 */
final class SessionState implements DataSerializable {
    String sessionId;
    String ingestKey;
    long[] intervals;
    SeriesWindows windows;
    final Map<String, ConnectionState> connections = new HashMap<>(8);

    /** For deserialization. */
    public SessionState() {
    }

    SessionState(String sessionId, String ingestKey, long[] intervals) {
        this.sessionId = sessionId;
        this.ingestKey = ingestKey;
        this.intervals = intervals;
        this.windows = new SeriesWindows(intervals);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(sessionId);
        out.writeString(ingestKey);
        out.writeLongArray(intervals);
        windows.writeTo(out);
        out.writeInt(connections.size());
        for (ConnectionState c : connections.values()) {
            out.writeString(c.connectionId);
            out.writeLong(c.next);
            out.writeLong(c.lastSample);
            writeHealth(out, c.health);
            c.windows.writeTo(out);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        sessionId = in.readString();
        ingestKey = in.readString();
        intervals = in.readLongArray();
        windows = SeriesWindows.readFrom(in, intervals);
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            String id = in.readString();
            long next = in.readLong();
            long lastSample = in.readLong();
            ConnectionHealth health = readHealth(in);
            connections.put(id, new ConnectionState(id, SeriesWindows.readFrom(in, intervals), health, next,
                    lastSample));
        }
    }

    private static void writeHealth(ObjectDataOutput out, ConnectionHealth h) throws IOException {
        out.writeLong(h.lastWindowStart());
        out.writeLong(h.observations());
        out.writeInt(h.idleStreak());
        out.writeDouble(h.meanGap());
        out.writeInt(h.gaps());
        out.writeDouble(h.errorRate());
        out.writeBoolean(h.closed());
        out.writeDoubleArray(h.forecasterState());
    }

    private static ConnectionHealth readHealth(ObjectDataInput in) throws IOException {
        return ConnectionHealth.restore(in.readLong(), in.readLong(), in.readInt(), in.readDouble(), in.readInt(),
                in.readDouble(), in.readBoolean(), in.readDoubleArray());
    }
}
