package io.sessiongrid.node.member;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.runtime.internal.NodeRuntime;

import java.time.Duration;
import java.util.List;

/**
 * A running SessionGrid member as {@code ./sessiongrid start} runs it: the node runtime (the same as
 * {@code SessionGrid.embedded}) with the command's options, waited on until it stops.
 */
public final class GridMember {
    private final NodeRuntime node;

    private GridMember(NodeRuntime node) {
        this.node = node;
    }

    /**
     * Starts a member.
     *
     * @param role a role of {@code config}, or {@code null}
     * @throws ConfigException if the role is not configured
     */
    public static GridMember start(SessionGridConfig config, Config member, boolean lite, String role) {
        return start(config, member, lite, role, null);
    }

    /**
     * Starts a member whose graceful shutdown waits at most {@code shutdownTimeout} for its replicas to be handed
     * over ({@code null}: the Hazelcast configuration's {@code hazelcast.graceful.shutdown.max.wait}).
     */
    public static GridMember start(SessionGridConfig config, Config member, boolean lite, String role,
                                   Duration shutdownTimeout) {
        return start(config, member, lite, role, shutdownTimeout, List.of());
    }

    /** As {@link #start(SessionGridConfig, Config, boolean, String, Duration)}, with components added to the node. */
    public static GridMember start(SessionGridConfig config, Config member, boolean lite, String role,
                                   Duration shutdownTimeout, List<NodeComponent> components) {
        NodeOptions.Builder options = NodeOptions.builder().config(config).role(role).shutdownTimeout(shutdownTimeout);
        components.forEach(options::component);
        if (lite) {
            options.liteMember(member);
        } else {
            options.member(member.setLiteMember(false));
        }
        return new GridMember(NodeRuntime.start(options.build()));
    }

    public String address() {
        return node.address();
    }

    public String describe() {
        return (node.kind().isMember() && node.hazelcast().getCluster().getLocalMember().isLiteMember()
                ? "lite member" : "data member") + node.role().map(r -> ", role " + r).orElse("")
                + ", " + node.hazelcast().getCluster().getMembers().size() + " member(s) in the cluster";
    }

    public HazelcastInstance hazelcast() {
        return node.hazelcast();
    }

    /** The node runtime, for signal handling. */
    public NodeRuntime node() {
        return node;
    }

    /** Stops gracefully (components and periodic tasks first, then the instance hands its replicas over). */
    public void shutdown() {
        node.close();
    }

    public void awaitShutdown() throws InterruptedException {
        node.awaitStop();
    }
}
