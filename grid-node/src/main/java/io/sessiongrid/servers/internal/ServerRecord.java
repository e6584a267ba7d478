package io.sessiongrid.servers.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerState;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A server registry entry, keyed by the server id.
 *
 * @param instance          the UUID of its Hazelcast member or client (how its death is noticed)
 * @param partitions        the types it needs, comma-separated (SQL reads it as one column)
 * @param recentRequestRate requests/s its tracker recorded over the last flush interval
 */
public record ServerRecord(String id, String instance, String role, String partitions, String kind,
                           String redirectAddress, String state, long registeredAt, long updatedAt,
                           double recentRequestRate) {
    public static final String TYPE_NAME = "sessiongrid.Server";

    public ServerInfo view() {
        List<String> types = partitions.isEmpty() ? List.of() : Arrays.asList(partitions.split(","));
        return new ServerInfo(id, role, types, ServerKind.valueOf(kind), redirectAddress, ServerState.valueOf(state),
                Instant.ofEpochMilli(registeredAt), instance);
    }

    public ServerRecord withState(ServerState s, long now) {
        return new ServerRecord(id, instance, role, partitions, kind, redirectAddress, s.name(), registeredAt, now,
                recentRequestRate);
    }

    public ServerRecord withRecentRate(double rate, long now) {
        return new ServerRecord(id, instance, role, partitions, kind, redirectAddress, state, registeredAt, now, rate);
    }

    public static final class Serializer extends NamedCompactSerializer<ServerRecord> {
        public Serializer() {
            super(TYPE_NAME, ServerRecord.class);
        }

        @Override
        public ServerRecord read(CompactReader in) {
            return new ServerRecord(in.readString("id"), in.readString("instance"), in.readString("role"), in.readString("partitions"),
                    in.readString("kind"), in.readString("redirectAddress"), in.readString("state"),
                    in.readInt64("registeredAt"), in.readInt64("updatedAt"), in.readFloat64("recentRequestRate"));
        }

        @Override
        public void write(CompactWriter out, ServerRecord r) {
            out.writeString("id", r.id);
            out.writeString("instance", r.instance);
            out.writeString("role", r.role);
            out.writeString("partitions", r.partitions);
            out.writeString("kind", r.kind);
            out.writeString("redirectAddress", r.redirectAddress);
            out.writeString("state", r.state);
            out.writeInt64("registeredAt", r.registeredAt);
            out.writeInt64("updatedAt", r.updatedAt);
            out.writeFloat64("recentRequestRate", r.recentRequestRate);
        }
    }
}
