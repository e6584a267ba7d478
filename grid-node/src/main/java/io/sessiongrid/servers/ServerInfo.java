package io.sessiongrid.servers;

import java.time.Instant;
import java.util.List;

/**
 * A registered server.
 *
 * @param id              the server's id: by default its Hazelcast member or client UUID, or the id it was given
 * @param role            its role, or {@code null} for none (it then needs every partition type)
 * @param partitions      the partition types it needs (its role's, or every configured type)
 * @param kind            how it is attached
 * @param redirectAddress where applications reconnect to reach it
 * @param state           its life-cycle state
 * @param registeredAt    when it registered
 * @param instance        the UUID of the Hazelcast member or client it runs on (what the cluster knows it by)
 */
public record ServerInfo(String id, String role, List<String> partitions, ServerKind kind, String redirectAddress,
                         ServerState state, Instant registeredAt, String instance) {
    public ServerInfo {
        partitions = List.copyOf(partitions);
        instance = instance == null ? id : instance;
    }

    /** A server whose id is its instance UUID. */
    public ServerInfo(String id, String role, List<String> partitions, ServerKind kind, String redirectAddress,
                      ServerState state, Instant registeredAt) {
        this(id, role, partitions, kind, redirectAddress, state, registeredAt, id);
    }

    public boolean ready() {
        return state == ServerState.READY;
    }
}
