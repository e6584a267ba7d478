package io.sessiongrid.runtime.internal;

import io.sessiongrid.alerts.internal.AlertMonitor;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.node.sni.ProfileFeed;
import io.sessiongrid.node.sni.SniSweeper;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.scaling.engine.MemberIdentifier;
import io.sessiongrid.scaling.engine.ScalingEngineComponent;

import java.util.ArrayList;
import java.util.List;

/**
 * The components every node runs, in start order (each decides from the node's kind whether it applies). This is
 * the one place where SessionGrid's own parts join the node's lifecycle: add new ones here, in the order they
 * depend on each other (a component sees, through {@code NodeContext.component}, those started before it).
 */
final class BuiltInComponents {
    private BuiltInComponents() {
    }

    /**
     * Fresh instances for one node. An application that adds its own {@link ScalingEngineComponent} (its own
     * provisioner) replaces the configured one, so a cluster never runs two engines on one member.
     */
    static List<NodeComponent> create(List<NodeComponent> application) {
        List<NodeComponent> builtIn = new ArrayList<>(List.of(
                new ClusterJobs(),          // members: analyzer and profiler Jet jobs
                new SqlMappingsComponent(), // data members: SQL mappings of the plugin's maps
                new ServerNode(),           // every node: the server registry entry and connection migration
                new ProfileFeed(),          // every node: profiler forecasts -> SNI reservations
                new SniSweeper(),           // members: SNI reclamation (the oldest member sweeps)
                new AlertMonitor(),         // every node: alert conditions -> the application's listeners
            new MemberIdentifier()      // lite members: an identifier from the engine's sessiongrid-members reservation
        ));
        if (application.stream().noneMatch(ScalingEngineComponent.class::isInstance)) {
            builtIn.add(ScalingEngineComponent.configured()); // members: scaling.provisioner, the oldest decides
        }
        return builtIn;
    }
}
