package io.sessiongrid.node.demo;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.session.SessionPartition;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.sni.Allocation;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Starts two embedded members and a client on loopback, writes sessions with several partitions, reads
 * them back through the client, applies an element delta, records connection events that the analyzer's Jet
 * job aggregates, allocates identifiers, terminates a member, and shows that nothing was lost and the client
 * carries on. Prints each step; returns non-zero if any check failed.
 */
public final class Demo {
    private static final List<String> PARTITIONS = List.of("auth", "cart", "game");

    /** The fewest sessions the demo runs with. */
    public static final int MIN_SESSIONS = 1;
    /** The most sessions the demo writes (their expected values are recomputed, not kept). */
    public static final int MAX_SESSIONS = 1_000_000;

    private final PrintStream out;
    private final int sessions;
    /** The session whose cart gets the element delta, and the element it gets. */
    private final String deltaSession;
    private boolean deltaApplied;
    private int failures;
    private int steps;

    public Demo(PrintStream out, int sessions) {
        this.out = out;
        if (sessions < MIN_SESSIONS || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessions must be between " + MIN_SESSIONS + " and " + MAX_SESSIONS
                    + ", got " + sessions);
        }
        this.sessions = sessions;
        this.deltaSession = "user-" + Math.min(7, sessions - 1);
    }

    public int run() {
        SessionGridConfig config = SessionGridConfigLoader.defaults();
        String cluster = "sessiongrid-demo-" + UUID.randomUUID().toString().substring(0, 6);
        out.println("SessionGrid demo: session state, connection analysis and identifiers, embedded and through a client");
        long t0 = System.nanoTime();
        List<SessionGrid> members = new ArrayList<>();
        try {
            members.add(SessionGrid.embedded(config, memberConfig(cluster)));
            members.add(SessionGrid.embedded(config, memberConfig(cluster)));
            step("started 2 embedded members %s in cluster '%s' (%.1f s)", addresses(members), cluster, since(t0));
            try (SessionGrid client = SessionGrid.client(config, clientConfig(cluster, members))) {
                step("connected a Hazelcast client; partition types %s, roles %s",
                        config.partitions().keySet(), config.roles().keySet());
                writeSessions(members.get(0).sessions());
                readBack(client.sessions(), "the client");
                delta(client.sessions());
                connections(client, members.get(0));
                identifiers(client, members.get(0));
                memberLoss(members.get(1), client.sessions());
            }
        } finally {
            members.forEach(SessionGrid::close);
        }
        out.printf(Locale.ROOT, "%s in %.1f s%n", failures == 0 ? "demo passed" : "demo FAILED (" + failures + " checks)",
                since(t0));
        return failures == 0 ? 0 : 1;
    }

    private void writeSessions(SessionStore store) {
        long t = System.nanoTime();
        for (int i = 0; i < sessions; i++) {
            for (String type : PARTITIONS) {
                store.set("user-" + i, type, written(i, type));
            }
        }
        step("wrote %,d sessions x %d partitions %s from member 1 (%.2f s)", sessions, PARTITIONS.size(),
                PARTITIONS, since(t));
    }

    /** What the demo writes to partition {@code type} of session {@code i}: a function of both, so never kept. */
    private static Map<String, String> written(int i, String type) {
        return switch (type) {
            case "auth" -> Map.of("user", "user" + i, "token", "tok-" + Integer.toHexString(i * 0x9E3779B1));
            case "cart" -> Map.of("sku-" + (i % 50), String.valueOf(1 + i % 3));
            case "game" -> Map.of("level", String.valueOf(i % 20), "score", String.valueOf(i * 10L));
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** What session {@code i}'s partition must hold now: what was written, with the delta once it is applied. */
    private Map<String, String> expected(int i, String type) {
        Map<String, String> elements = new HashMap<>(written(i, type));
        if (deltaApplied && type.equals("cart") && deltaSession.equals("user-" + i)) {
            elements.put("sku-99", "4");
        }
        return elements;
    }

    /** Every element of every partition of every session, compared with what was written. */
    private void readBack(SessionStore store, String who) {
        int found = 0;
        String firstWrong = null;
        for (int i = 0; i < sessions; i++) {
            String s = "user-" + i;
            boolean right = store.partitions(s).equals(Set.copyOf(PARTITIONS));
            for (String type : PARTITIONS) {
                right &= store.get(s, type).map(SessionPartition::elements).orElse(Map.of()).equals(expected(i, type));
            }
            if (right) {
                found++;
            } else if (firstWrong == null) {
                firstWrong = s;
            }
        }
        check(found == sessions, "read back %,d of %,d sessions (every element of every partition right) through %s%s",
                found, sessions, who, firstWrong == null ? "" : "; first wrong: " + firstWrong);
    }

    private void delta(SessionStore store) {
        SessionPartition before = store.get(deltaSession, "cart").orElseThrow();
        long version = store.put(deltaSession, "cart", "sku-99", "4");
        deltaApplied = true;
        SessionPartition after = store.get(deltaSession, "cart").orElseThrow();
        Map<String, String> expectedCart = new HashMap<>(before.elements());
        expectedCart.put("sku-99", "4");
        check(version != before.version() && version == after.version() && after.elements().equals(expectedCart),
                "delta: put cart element sku-99=4 on %s through the client: version %x -> %x, cart now %s "
                        + "(only the element crossed the network)", deltaSession, before.version(), version,
                after.elements());
    }

    /** Connection events recorded through the client show up in the analyzer's 1 s series (a Jet job). */
    private void connections(SessionGrid client, SessionGrid member) {
        ConnectionTracker tracker = client.connections();
        for (int c = 0; c < 20; c++) {
            tracker.opened("conn-" + c, "user-" + c); // owned by the client: it serves them
            for (int r = 0; r < 50; r++) {
                tracker.request("conn-" + c, r % 5 == 0 ? "PUT /cart" : "GET /game", 300, 4_000, 800, r == 49);
            }
        }
        tracker.flush();
        Duration second = client.config().analyzer().intervals().get(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long requests = 0;
        while (System.nanoTime() < deadline && (requests = requests(member, second)) < 1_000) {
            pause();
        }
        check(requests == 1_000, "recorded 1,000 requests on 20 connections through the client; the analyzer's Jet "
                + "job aggregated %,d of them into the cluster's %d ms windows", requests, second.toMillis());
    }

    /** Session Network Identifiers from one pool, embedded and through the client, never twice. */
    private void identifiers(SessionGrid client, SessionGrid member) {
        member.sni().registerApp("demo-app", 1);
        Set<Long> ids = new HashSet<>();
        Allocation a = client.sni().allocate("demo-app", 100);
        Allocation b = member.sni().allocate("demo-app", 100);
        a.ids().forEach(ids::add);
        b.ids().forEach(ids::add);
        check(ids.size() == 200, "allocated 2 x 100 SNIs for demo-app (client and member): %d distinct, in %d "
                + "contiguous range(s)", ids.size(), a.lease().ranges().size() + b.lease().ranges().size());
    }

    private static long requests(SessionGrid member, Duration interval) {
        return member.analyzer().clusterSeries(interval).stream().mapToLong(SeriesPoint::requests).sum();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void memberLoss(SessionGrid victim, SessionStore client) {
        String address = victim.hazelcast().getCluster().getLocalMember().getAddress().toString();
        victim.hazelcast().getLifecycleService().terminate();
        step("terminated member %s abruptly (no graceful shutdown); backups take over", address);
        readBack(client, "the client after the loss");
        Map<String, String> after = Map.of("token", "still-works");
        long v = client.set("user-after-loss", "auth", after);
        check(client.get("user-after-loss", "auth").filter(p -> p.version() == v && p.elements().equals(after))
                .isPresent(), "the client keeps writing after the loss");
    }

    private void check(boolean ok, String format, Object... args) {
        if (!ok) {
            failures++;
        }
        out.printf(Locale.ROOT, "  %d. " + format + "  [%s]%n", concat(++steps, args, ok ? "ok" : "FAILED"));
    }

    private void step(String format, Object... args) {
        out.printf(Locale.ROOT, "  %d. " + format + "%n", concat(++steps, args, null));
    }

    private static Object[] concat(Object first, Object[] rest, Object last) {
        Object[] all = new Object[rest.length + 2];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        all[rest.length + 1] = last;
        return all;
    }

    private static Config memberConfig(String cluster) {
        Config config = HazelcastConfigs.member(null);
        config.setClusterName(cluster);
        return config;
    }

    private static ClientConfig clientConfig(String cluster, List<SessionGrid> members) {
        ClientConfig config = HazelcastConfigs.client(null);
        config.setClusterName(cluster);
        config.getNetworkConfig().getAddresses().clear();
        for (SessionGrid member : members) {
            config.getNetworkConfig().addAddress("127.0.0.1:" + port(member.hazelcast()));
        }
        return config;
    }

    private static List<String> addresses(List<SessionGrid> members) {
        return members.stream().map(m -> "127.0.0.1:" + port(m.hazelcast())).toList();
    }

    private static int port(HazelcastInstance member) {
        return ((InetSocketAddress) member.getLocalEndpoint().getSocketAddress()).getPort();
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
