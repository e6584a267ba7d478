package io.sessiongrid.provision;

/** What a provisioner tells its listeners. */
public sealed interface ProvisionEvent {

    /** The server concerned, as of the event. */
    ProvisionedServer server();

    /** The server became ready. */
    record Ready(ProvisionedServer server) implements ProvisionEvent {
    }

    /** The server stopped after a request to stop. */
    record Stopped(ProvisionedServer server) implements ProvisionEvent {
    }

    /** The server died, or failed to start, without a request to stop. */
    record Died(ProvisionedServer server, String reason) implements ProvisionEvent {
    }
}
