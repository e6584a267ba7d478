package io.sessiongrid.servers;

import java.time.Instant;
import java.util.List;

/**
 * A registered server.
 *
 * @param id              the server's id: its Hazelcast member or client UUID
 * @param role            its role, or {@code null} for none (it then needs every partition type)
 * @param partitions      the partition types it needs (its role's, or every configured type)
 * @param kind            how it is attached
 * @param redirectAddress where applications reconnect to reach it
 * @param state           its life-cycle state
 * @param registeredAt    when it registered
 */
public record ServerInfo(String id, String role, List<String> partitions, ServerKind kind, String redirectAddress,
                         ServerState state, Instant registeredAt) {
    public ServerInfo {
        partitions = List.copyOf(partitions);
    }

    public boolean ready() {
        return state == ServerState.READY;
    }
}
