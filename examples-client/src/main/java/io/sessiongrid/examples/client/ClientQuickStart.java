package io.sessiongrid.examples.client;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfigLoader;

import java.nio.file.Path;

/** README, "Using it": the client form. */
public final class ClientQuickStart {
    private ClientQuickStart() {
    }

    static SessionGrid client() {
// In an application that connects as a Hazelcast client: the same API.
SessionGrid grid = SessionGrid.client(SessionGridConfigLoader.load(Path.of("sessiongrid.yaml")),
                                      HazelcastConfigs.client(null));   // or your own ClientConfig
        return grid;
    }
}
