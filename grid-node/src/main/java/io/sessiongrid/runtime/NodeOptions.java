package io.sessiongrid.runtime;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.time.Scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything a SessionGrid node starts from, validated: build it with {@link #builder()} and start it with
 * {@code SessionGrid.start(options)}. {@code SessionGrid.embedded(config, member)} and
 * {@code SessionGrid.client(config, client)} are shorthands for the common cases.
 *
 * <pre>{@code
 * NodeOptions options = NodeOptions.builder()
 *         .config(SessionGridConfigLoader.load(Path.of("sessiongrid.yaml")))
 *         .liteMember(HazelcastConfigs.member(null))
 *         .role("game-server")
 *         .build();                      // InvalidNodeOptionsException listing every problem
 * try (SessionGrid grid = SessionGrid.start(options)) { ... }
 * }</pre>
 *
 * @param config          the plugin configuration
 * @param kind            data member, lite member or client
 * @param member          the Hazelcast member configuration (members only; completed by the runtime)
 * @param client          the Hazelcast client configuration (clients only; completed by the runtime)
 * @param role            the server role, one of {@code config}'s roles
 * @param serverId        the server id; empty: the Hazelcast instance's UUID
 * @param redirectAddress where applications redirect connections to reach this node ({@code host:port})
 * @param clock           the node's time
 * @param scheduler       runs the node's periodic work; empty: the node owns a daemon scheduler
 * @param components      components the application adds, started after the built-in ones
 * @param shutdownHook    whether a JVM shutdown hook stops the node gracefully (Hazelcast's own hook is always
 *                        off on nodes the runtime starts: it would race this one)
 * @param shutdownTimeout members: how long a graceful shutdown may wait for backups to be handed over
 *                        ({@code hazelcast.graceful.shutdown.max.wait}); empty: the Hazelcast configuration's
 */
public record NodeOptions(SessionGridConfig config, NodeKind kind, Config member, ClientConfig client,
                          Optional<String> role, Optional<String> serverId, Optional<String> redirectAddress,
                          Clock clock, Optional<Scheduler> scheduler, List<NodeComponent> components,
                          boolean shutdownHook, Optional<Duration> shutdownTimeout) {
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s:]{1,253}:\\d{1,5}");

    /** Validates; throws {@link InvalidNodeOptionsException} listing every problem. */
    public NodeOptions {
        boolean badComponents = components == null || components.stream().anyMatch(Objects::isNull);
        components = badComponents ? null : List.copyOf(components);
        List<String> problems = problems(config, kind, member, client, role, serverId, redirectAddress, clock,
                scheduler, components, shutdownTimeout);
        if (!problems.isEmpty()) {
            throw new InvalidNodeOptionsException(problems);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static List<String> problems(SessionGridConfig config, NodeKind kind, Config member, ClientConfig client,
                                         Optional<String> role, Optional<String> serverId,
                                         Optional<String> redirectAddress, Clock clock, Optional<Scheduler> scheduler,
                                         List<NodeComponent> components, Optional<Duration> shutdownTimeout) {
        List<String> problems = new ArrayList<>();
        if (config == null) {
            problems.add("config: required (SessionGridConfigLoader.load(file) or .defaults())");
        }
        if (kind == null) {
            problems.add("kind: required; one of DATA_MEMBER, LITE_MEMBER, CLIENT");
        } else if (kind.isMember() && (member == null || client != null)) {
            problems.add("member: a " + kind + " needs a Hazelcast member Config and no ClientConfig");
        } else if (kind == NodeKind.CLIENT && (client == null || member != null)) {
            problems.add("client: a CLIENT needs a Hazelcast ClientConfig and no member Config");
        }
        if (role == null || serverId == null || redirectAddress == null || scheduler == null || shutdownTimeout == null) {
            problems.add("optional values must be Optional.empty(), not null");
            return problems;
        }
        role.ifPresent(r -> {
            if (config != null && config.role(r).isEmpty()) {
                problems.add("role '" + r + "': unknown role; configured roles: " + config.roles().keySet());
            }
        });
        serverId.filter(id -> !SERVER_ID.matcher(id).matches()).ifPresent(id ->
                problems.add("serverId '" + id + "': 1-128 characters of [A-Za-z0-9._:@-]"));
        redirectAddress.filter(a -> !validAddress(a)).ifPresent(a ->
                problems.add("redirectAddress '" + a + "': host:port with a port in 1-65535"));
        if (clock == null) {
            problems.add("clock: required (Clock.systemUTC() by default)");
        }
        if (components == null) {
            problems.add("components: must not be or contain null");
        }
        shutdownTimeout.filter(t -> t.isNegative() || t.toSeconds() < 1).ifPresent(t ->
                problems.add("shutdownTimeout " + t + ": at least 1 second"));
        return problems;
    }

    private static boolean validAddress(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            return false;
        }
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        return port >= 1 && port <= 65_535;
    }

    /**
     * Collects options; {@link #build()} validates them all at once. Defaults: the shipped SessionGrid
     * configuration, no role, the instance UUID as server id, the system clock (UTC), a scheduler owned by the
     * node, a JVM shutdown hook, Hazelcast's graceful-shutdown wait.
     */
    public static final class Builder {
        private SessionGridConfig config;
        private NodeKind kind;
        private Config member;
        private ClientConfig client;
        private String role;
        private String serverId;
        private String redirectAddress;
        private Clock clock = Clock.systemUTC();
        private Scheduler scheduler;
        private final List<NodeComponent> components = new ArrayList<>();
        private boolean shutdownHook = true;
        private Duration shutdownTimeout;

        private Builder() {
        }

        public Builder config(SessionGridConfig config) {
            this.config = config;
            return this;
        }

        /** A member: a lite member if {@code member.isLiteMember()}, else a data member. */
        public Builder member(Config member) {
            this.member = member;
            this.kind = member != null && member.isLiteMember() ? NodeKind.LITE_MEMBER : NodeKind.DATA_MEMBER;
            return this;
        }

        /** A lite member (owns no partitions), whatever {@code member} says. */
        public Builder liteMember(Config member) {
            this.member = member;
            this.kind = NodeKind.LITE_MEMBER;
            return this;
        }

        /** A Hazelcast client. */
        public Builder client(ClientConfig client) {
            this.client = client;
            this.kind = NodeKind.CLIENT;
            return this;
        }

        /** The server role ({@code null}: none). */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        public Builder serverId(String serverId) {
            this.serverId = serverId;
            return this;
        }

        public Builder redirectAddress(String hostPort) {
            this.redirectAddress = hostPort;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A scheduler the application owns (the node cancels its own tasks on it, never closes it). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Adds a component, started after the built-in ones and those added before it. */
        public Builder component(NodeComponent component) {
            components.add(component);
            return this;
        }

        public Builder shutdownHook(boolean install) {
            this.shutdownHook = install;
            return this;
        }

        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout;
            return this;
        }

        /** @throws InvalidNodeOptionsException listing every problem (a {@code ConfigException}) */
        public NodeOptions build() {
            return new NodeOptions(config == null ? SessionGridConfigLoader.defaults() : config, kind, member, client,
                    Optional.ofNullable(role), Optional.ofNullable(serverId), Optional.ofNullable(redirectAddress),
                    clock, Optional.ofNullable(scheduler), components, shutdownHook, Optional.ofNullable(shutdownTimeout));
        }
    }
}
