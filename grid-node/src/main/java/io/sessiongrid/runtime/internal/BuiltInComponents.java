package io.sessiongrid.runtime.internal;

import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.node.sni.ProfileFeed;
import io.sessiongrid.node.sni.SniSweeper;
import io.sessiongrid.runtime.NodeComponent;

import java.util.List;

/**
 * The components every node runs, in start order (each decides from the node's kind whether it applies). This is
 * the one place where SessionGrid's own parts join the node's lifecycle: add new ones here, in the order they
 * depend on each other (a component sees, through {@code NodeContext.component}, those started before it).
 */
final class BuiltInComponents {
    private BuiltInComponents() {
    }

    /** Fresh instances for one node. */
    static List<NodeComponent> create() {
        return List.of(
                new ClusterJobs(),          // members: analyzer and profiler Jet jobs
                new SqlMappingsComponent(), // data members: SQL mappings of the plugin's maps
                new ServerNode(),           // every node: the server registry entry and connection migration
                new ProfileFeed(),          // every node: profiler forecasts -> SNI reservations
                new SniSweeper()            // members: SNI reclamation (the oldest member sweeps)
        );
    }
}
