package io.sessiongrid.node.member;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.node.sni.SniSweeper;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.sni.SniServices;

import java.util.concurrent.CountDownLatch;

/** A running SessionGrid member, as {@code ./sessiongrid start} runs it. */
public final class GridMember {
    private final HazelcastInstance hazelcast;
    private final String role;
    private final boolean lite;
    private final CountDownLatch down = new CountDownLatch(1);
    private final SniSweeper sweeper;

    private GridMember(HazelcastInstance hazelcast, String role, boolean lite, SniSweeper sweeper) {
        this.hazelcast = hazelcast;
        this.sweeper = sweeper;
        this.role = role;
        this.lite = lite;
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                down.countDown();
            }
        });
    }

    /**
     * Starts a member.
     *
     * @param role a role of {@code config}, or {@code null}
     * @throws ConfigException if the role is not configured
     */
    public static GridMember start(SessionGridConfig config, Config member, boolean lite, String role) {
        if (role != null && config.role(role).isEmpty()) {
            throw new ConfigException("--role", role, "unknown role; configured roles: " + config.roles().keySet());
        }
        MemberConfigs.prepare(member, config);
        member.setLiteMember(lite);
        if (role != null) {
            member.getMemberAttributeConfig().setAttribute(MemberConfigs.ROLE_ATTRIBUTE, role);
        }
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(member);
        try {
            MemberConfigs.startJobs(hazelcast, config);
            if (!lite) {
                // SQL mappings let Management Center's SQL browser read the session maps. They are cluster-wide
                // catalog entries, and Hazelcast runs no SQL on lite members, so data members create them.
                for (String type : config.partitions().keySet()) {
                    hazelcast.getSql().execute(SessionStores.sqlMapping(type)).close();
                }
            }
        } catch (RuntimeException e) {
            hazelcast.getLifecycleService().terminate();
            throw e;
        }
        SniSweeper sweeper = SniSweeper.start(hazelcast, SniServices.create(hazelcast, config.sni()),
                config.sni().idleTimeout());
        return new GridMember(hazelcast, role, lite, sweeper);
    }

    public String address() {
        return hazelcast.getCluster().getLocalMember().getAddress().toString();
    }

    public String describe() {
        return (lite ? "lite member" : "data member") + (role == null ? "" : ", role " + role)
                + ", " + hazelcast.getCluster().getMembers().size() + " member(s) in the cluster";
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    public void shutdown() {
        sweeper.close();
        if (hazelcast.getLifecycleService().isRunning()) {
            hazelcast.shutdown();
        }
    }

    public void awaitShutdown() throws InterruptedException {
        down.await();
    }
}
