package io.sessiongrid.provision;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A server a provisioner started, as it last saw it. Immutable: a new value on every change.
 *
 * @param id          the provisioner's id for it (unique per provisioner)
 * @param role        the server role it was started with
 * @param phase       where it is in its life cycle
 * @param requestedAt when it was requested
 * @param readyAt     when it became ready, once it has
 * @param address     its cluster address ({@code host:port}), once known
 * @param handle      what the platform calls it: a process id, a pod name, a member UUID
 * @param detail      why it failed, or other notes; empty when none
 */
public record ProvisionedServer(String id, String role, ServerPhase phase, Instant requestedAt,
                                Optional<Instant> readyAt, Optional<String> address, String handle, String detail) {
    public ProvisionedServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(readyAt, "readyAt");
        Objects.requireNonNull(address, "address");
        handle = handle == null ? "" : handle;
        detail = detail == null ? "" : detail;
    }

    /** From request to readiness, once ready. */
    public Optional<Duration> provisioningTime() {
        return readyAt.map(r -> Duration.between(requestedAt, r));
    }

}
