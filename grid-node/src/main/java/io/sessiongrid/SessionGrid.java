package io.sessiongrid;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.MemberConfigs;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStores;

/**
 * SessionGrid on one Hazelcast instance: an embedded member ({@link #embedded}) or a client
 * ({@link #client}). Both give the same API. Closing it shuts the instance down.
 *
 * <pre>{@code
 * try (SessionGrid grid = SessionGrid.client(SessionGridConfigLoader.defaults(), HazelcastConfigs.client(null))) {
 *     grid.sessions().set("s-1", "cart", Map.of("item-7", "2"));
 * }
 * }</pre>
 */
public final class SessionGrid implements AutoCloseable {
    private final HazelcastInstance hazelcast;
    private final SessionGridConfig config;
    private final SessionStore sessions;

    private SessionGrid(HazelcastInstance hazelcast, SessionGridConfig config) {
        this.hazelcast = hazelcast;
        this.config = config;
        try {
            this.sessions = SessionStores.create(hazelcast, config);
        } catch (RuntimeException e) {
            hazelcast.shutdown();
            throw e;
        }
    }

    /** An embedded member with the shipped defaults (cluster {@code sessiongrid} on 127.0.0.1:5701+). */
    public static SessionGrid embedded() {
        return embedded(SessionGridConfigLoader.defaults(), HazelcastConfigs.member(null));
    }

    /** An embedded member: {@code member} is completed with SessionGrid's maps, serializers and Jet. */
    public static SessionGrid embedded(SessionGridConfig config, Config member) {
        return new SessionGrid(Hazelcast.newHazelcastInstance(MemberConfigs.prepare(member, config)), config);
    }

    /** A Hazelcast client of a SessionGrid cluster: {@code client} is completed with SessionGrid's serializers. */
    public static SessionGrid client(SessionGridConfig config, ClientConfig client) {
        SessionStores.configureClient(client);
        return new SessionGrid(HazelcastClient.newHazelcastClient(client), config);
    }

    /** The session state store. */
    public SessionStore sessions() {
        return sessions;
    }

    /** The underlying Hazelcast instance, for everything SessionGrid does not wrap. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    public SessionGridConfig config() {
        return config;
    }

    @Override
    public void close() {
        hazelcast.shutdown();
    }
}
