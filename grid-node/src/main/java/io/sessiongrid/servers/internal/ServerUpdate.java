package io.sessiongrid.servers.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;
import io.sessiongrid.servers.ServerState;

import java.util.Map;

/**
 * Changes one field of a server entry in place, so the server's own rate reports and a state change made by
 * another node (a drain) never overwrite each other. {@code state == null} keeps the state; a NaN rate keeps it.
 */
public record ServerUpdate(String state, double recentRequestRate, long now)
        implements EntryProcessor<String, ServerRecord, ServerRecord> {
    public static final String TYPE_NAME = "sessiongrid.ServerUpdate";

    @Override
    public ServerRecord process(Map.Entry<String, ServerRecord> entry) {
        ServerRecord r = entry.getValue();
        if (r == null) {
            return null;
        }
        if (state != null) {
            r = r.withState(ServerState.valueOf(state), now);
        }
        if (!Double.isNaN(recentRequestRate)) {
            r = r.withRecentRate(recentRequestRate, now);
        }
        entry.setValue(r);
        return r;
    }

    public static final class Serializer extends NamedCompactSerializer<ServerUpdate> {
        public Serializer() {
            super(TYPE_NAME, ServerUpdate.class);
        }

        @Override
        public ServerUpdate read(CompactReader in) {
            return new ServerUpdate(in.readString("state"), in.readFloat64("recentRequestRate"), in.readInt64("now"));
        }

        @Override
        public void write(CompactWriter out, ServerUpdate u) {
            out.writeString("state", u.state);
            out.writeFloat64("recentRequestRate", u.recentRequestRate);
            out.writeInt64("now", u.now);
        }
    }
}
