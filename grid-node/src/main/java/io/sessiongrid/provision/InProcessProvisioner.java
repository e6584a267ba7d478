package io.sessiongrid.provision;

import com.hazelcast.config.Config;
import com.hazelcast.core.LifecycleEvent;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.provision.internal.Requests;
import io.sessiongrid.provision.internal.BookedProvisioner;
import io.sessiongrid.provision.internal.ServerBook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Servers as lite members in this JVM (each a {@link SessionGrid} node): for tests, where a real process per server
 * would be slow. A server is ready when its node has started (joined, components up); retiring shuts it down
 * gracefully; a member that shuts down by itself is reported dead.
 */
public final class InProcessProvisioner extends BookedProvisioner {

    public static final String NAME = "in-process";

    private final SessionGridConfig config;
    private final Supplier<Config> memberConfig;
    private final Supplier<List<NodeComponent>> components;
    private final Map<String, SessionGrid> members = new ConcurrentHashMap<>();
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sessiongrid-in-process-provisioner");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param memberConfig a fresh Hazelcast member configuration per server (cluster name, network, join)
     */
    public InProcessProvisioner(SessionGridConfig config, Supplier<Config> memberConfig, Clock clock) {
        this(config, memberConfig, clock, List::of);
    }

    /**
     * @param memberConfig a fresh Hazelcast member configuration per server (cluster name, network, join)
     * @param components   fresh node components per server (e.g. its server registration), started with it
     */
    public InProcessProvisioner(SessionGridConfig config, Supplier<Config> memberConfig, Clock clock,
                                Supplier<List<NodeComponent>> components) {
        super(new ServerBook(clock, "in-process-"));
        this.config = config;
        this.memberConfig = memberConfig;
        this.components = components;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ProvisionedServer> provision(int count, String role) {
        Requests.check(config, count, role);
        List<ProvisionedServer> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ProvisionedServer s = book.add(role, "");
            started.add(s);
            starter.execute(() -> start(s));
        }
        return started;
    }

    private void start(ProvisionedServer s) {
        SessionGrid member;
        try {
            NodeOptions.Builder options = NodeOptions.builder().config(config).liteMember(memberConfig.get())
                    .role(s.role()).shutdownHook(false);
            components.get().forEach(options::component);
            member = SessionGrid.start(options.build());
        } catch (RuntimeException e) {
            book.gone(s.id(), "failed to start: " + e.getMessage());
            return;
        }
        members.put(s.id(), member);
        // Retired while it started (a scale-in that cancelled it): retire() found no member to stop, so stop it here.
        // After the put, so that a retire() from now on finds it (a second close is a no-op).
        if (book.get(s.id()).map(p -> p.phase() == ServerPhase.STOPPING || p.phase().terminal()).orElse(true)) {
            members.remove(s.id());
            member.close();
            return;
        }
        book.handle(s.id(), member.hazelcast().getLocalEndpoint().getUuid().toString());
        member.hazelcast().getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                members.remove(s.id());
                book.gone(s.id(), "member shut down without a request to retire it");
            }
        });
        if (!member.hazelcast().getLifecycleService().isRunning()) {
            book.gone(s.id(), "member stopped while starting");
            return;
        }
        book.ready(s.id(), member.hazelcast().getCluster().getLocalMember().getAddress().toString());
    }

    @Override
    public void retire(String serverId) {
        book.require(serverId);
        if (!book.stopping(serverId)) {
            return;
        }
        SessionGrid member = members.get(serverId);
        if (member == null) {
            book.gone(serverId, "retired before it was ready");
            return;
        }
        starter.execute(member::close); // graceful
    }

    @Override
    public void close() {
        for (ProvisionedServer s : book.live()) {
            retire(s.id());
        }
        starter.shutdown();
        try {
            starter.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
