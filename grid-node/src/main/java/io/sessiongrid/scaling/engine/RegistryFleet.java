package io.sessiongrid.scaling.engine;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerPhase;
import io.sessiongrid.provision.ServerProvisioner;
import io.sessiongrid.scaling.ServerState;
import io.sessiongrid.scaling.ServerView;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerLoad;
import io.sessiongrid.servers.ServerRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet as the server registry and a provisioner see it. A server is ready when it is registered ready (so
 * joined and registered); a provisioned server not yet registered is pending. Servers are matched across the two
 * by the registry id (a node's default id is its member UUID) against the provisioner's handle, or through the
 * member at the provisioner's address.
 */
public final class RegistryFleet implements ServerFleet, Promoter {
    private final ServerRegistry registry;
    private final ServerProvisioner provisioner;
    private final HazelcastInstance hazelcast;
    private final String role;
    private final int backupCount;
    private final Set<String> leavingDataMembers = new HashSet<>();

    /**
     * @param role        the role new servers get
     * @param backupCount the least backup count of the session maps: never more data members leave at once
     */
    public RegistryFleet(ServerRegistry registry, ServerProvisioner provisioner, HazelcastInstance hazelcast,
                         String role, int backupCount) {
        this.registry = registry;
        this.provisioner = provisioner;
        this.hazelcast = hazelcast;
        this.role = role;
        this.backupCount = backupCount;
    }

    /**
     * Every registered server (leaving ones excepted) and every provisioned one not yet registered (pending). A
     * server is retirable unless it is this member (the engine's own: retiring it would shut the engine down) or a
     * client this engine's provisioner did not start (nothing here can stop it: it would be drained and left empty).
     */
    @Override
    public List<ServerView> servers() {
        List<ServerView> out = new ArrayList<>();
        Set<String> registered = new HashSet<>();
        Map<String, ProvisionedServer> provisioned = new LinkedHashMap<>(); // oldest first
        for (ProvisionedServer p : provisioner.servers()) {
            provisioned.put(registryId(p).orElse(p.id()), p);
        }
        Set<String> self = self();
        for (ServerInfo s : registry.servers()) {
            registered.add(s.id());
            ServerState state = switch (s.state()) {
                case STARTING -> ServerState.PENDING;
                case READY -> ServerState.READY;
                case DRAINING -> ServerState.DRAINING;
                case LEAVING -> null;
            };
            if (state != null) {
                ServerLoad load = registry.load(s.id());
                ProvisionedServer mine = provisioned.containsKey(s.id()) ? provisioned.get(s.id())
                        : provisioner.server(s.id()).orElse(null);
                boolean retirable = !self.contains(s.id()) && (s.kind() != ServerKind.CLIENT || mine != null)
                        && (mine == null || provisioner.retirableNow(mine.id()));
                out.add(new ServerView(s.id(), state, load.recentRequestRate(), load.predictedRate(), retirable));
            }
        }
        provisioned.forEach((id, p) -> {
            if (p.phase() != ServerPhase.STOPPING && !registered.contains(id)) {
                out.add(new ServerView(p.id(), ServerState.PENDING, 0, 0, provisioner.retirableNow(p.id())));
            }
        });
        return out;
    }

    /** The ids this member goes by: its registry entry's and its member UUID. */
    private Set<String> self() {
        Set<String> ids = new HashSet<>();
        registry.local().ifPresent(s -> ids.add(s.id()));
        ids.add(hazelcast.getCluster().getLocalMember().getUuid().toString());
        return ids;
    }

    /**
     * The ready servers that count as the fleet's capacity: data and lite members. A client server's capacity is
     * its own process's, which the engine neither adds nor removes.
     */
    public static long readyServers(ServerRegistry registry) {
        return registry.servers().stream().filter(s -> s.ready() && s.kind() != ServerKind.CLIENT).count();
    }

    @Override
    public List<String> stuck(java.time.Instant now, Duration limit) {
        Set<String> ready = new HashSet<>();
        registry.servers().stream().filter(ServerInfo::ready).forEach(s -> ready.add(s.id()));
        List<String> out = new ArrayList<>();
        for (ProvisionedServer p : provisioner.servers()) {
            if (p.phase() == ServerPhase.STARTING && p.requestedAt().plus(limit).isBefore(now)
                    && !ready.contains(registryId(p).orElse(p.id()))) {
                out.add(p.id());
            }
        }
        return out;
    }

    @Override
    public void provision(int count) {
        provisioner.provision(count, role);
    }

    @Override
    public boolean safeToRetire(String serverId) {
        Optional<Member> member = member(serverId);
        if (member.isEmpty() || member.get().isLiteMember()) {
            return true; // a client, a lite member, or already gone: no partitions move
        }
        leavingDataMembers.removeIf(id -> member(id).isEmpty());
        return hazelcast.getPartitionService().isClusterSafe() && leavingDataMembers.size() < backupCount;
    }

    /**
     * Retires a server by a graceful shutdown: the provisioner's own stop for a server it started (in-process:
     * {@code shutdown()}; local-process: SIGTERM to a JVM whose hook shuts down gracefully; Kubernetes: the pod's
     * SIGTERM), else a shutdown sent to the member itself ({@code MemberAction.SHUTDOWN}). On a data member, a graceful shutdown first
     * asks the master to migrate every replica it holds to the others and leaves only when that is done (or after
     * {@code hazelcast.graceful.shutdown.max.wait}); {@link #safeToRetire} has made sure the backups are in sync and
     * no more data members than the backup count leave at once, so even a handover cut short loses nothing.
     *
     * <p>Why not {@code Cluster.demoteLocalDataMember()} first: in Hazelcast 5.7 it runs the same handover (a demote
     * request to the master, which migrates the member's replicas away, bounded by {@code hazelcast.member.demote.max.wait};
     * it refuses without a known master, while a mastership claim is in progress, when the cluster state forbids
     * migrations, and for the last data member) and then leaves a running lite member, which would still have to be
     * shut down. It would add a state to every retirement (demote on the member, wait until it is lite, then stop it
     * through the provisioner, whose stop must stay graceful anyway: a SIGTERMed server or Kubernetes pod shuts down on
     * its own) for one benefit only, that a handover which cannot finish leaves the member running instead of gone;
     * under the two conditions above that case loses no data.
     */
    @Override
    public void retire(String serverId) {
        member(serverId).filter(m -> !m.isLiteMember()).ifPresent(m -> leavingDataMembers.add(serverId));
        Optional<ProvisionedServer> mine = provisioner.server(serverId)
                .or(() -> provisioner.servers().stream().filter(p -> registryId(p).filter(serverId::equals).isPresent())
                        .findFirst());
        if (mine.isPresent()) {
            provisioner.retire(mine.get().id());
            return;
        }
        // Not started by this provisioner (e.g. a member started by hand): shut it down gracefully on itself.
        member(serverId).ifPresent(m -> hazelcast.getExecutorService("sessiongrid.scaling")
                .executeOnMember(MemberAction.SHUTDOWN.task(), m));
    }

    @Override
    public Optional<Duration> provisioningTime() {
        return provisioner.provisioningTime();
    }

    @Override
    public List<String> promotable() {
        return registry.servers().stream().filter(ServerInfo::ready)
                .filter(s -> member(s.id()).map(m -> m.isLiteMember()).orElse(false)).map(ServerInfo::id).toList();
    }

    @Override
    public boolean safeToPromote() {
        return hazelcast.getPartitionService().isClusterSafe();
    }

    @Override
    public void promote(String serverId) {
        member(serverId).ifPresent(m -> hazelcast.getExecutorService("sessiongrid.scaling")
                .executeOnMember(MemberAction.PROMOTE.task(), m));
    }

    /**
     * The registry id of a provisioned server: its handle if that is a member UUID, else the UUID at its address
     * ({@code host:port}: Hazelcast prints addresses as {@code [host]:port}, provisioners such as Kubernetes' as
     * {@code podIP:port}).
     */
    private Optional<String> registryId(ProvisionedServer p) {
        Map<String, String> uuidByAddress = new HashMap<>();
        for (Member m : hazelcast.getCluster().getMembers()) {
            uuidByAddress.put(m.getAddress().getHost() + ":" + m.getAddress().getPort(), m.getUuid().toString());
            if (m.getUuid().toString().equals(p.handle())) {
                return Optional.of(p.handle());
            }
        }
        return p.address().map(a -> uuidByAddress.get(a.replace("[", "").replace("]", "")));
    }

    /** The member a server runs on: found by the instance UUID it registered with (its id may be another name). */
    private Optional<Member> member(String serverId) {
        String instance = registry.server(serverId).map(ServerInfo::instance).orElse(serverId);
        return hazelcast.getCluster().getMembers().stream().filter(m -> m.getUuid().toString().equals(instance))
                .findFirst();
    }
}
