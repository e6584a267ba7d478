package io.sessiongrid.node.member;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.analyzer.AnalyzerJobs;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.AnalyzerSerialization;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.profiler.BehavioralProfiler;
import io.sessiongrid.profiler.ProfilerConfig;
import io.sessiongrid.profiler.ProfilerSerialization;
import io.sessiongrid.sni.SniMaps;
import io.sessiongrid.sni.SniSerialization;
import io.sessiongrid.session.SessionStores;

/** Completes a Hazelcast member configuration with what SessionGrid needs. */
public final class MemberConfigs {
    /** Member attribute naming the server role ({@code roles:} in sessiongrid.yaml). */
    public static final String ROLE_ATTRIBUTE = "sessiongrid.role";

    private MemberConfigs() {
    }

    /**
     * Adds the session maps, the analyzer's and the SNI service's maps and serializers, enables Jet (the analyzer's
     * jobs and SQL run on it), and, unless the configuration has a filter of its own, restricts Java
     * deserialization to classes under {@code java.}, {@code javax.}, {@code com.hazelcast.}, {@code io.sessiongrid.}
     * and arrays of those, nothing else (Hazelcast's default lists are off: its allowlist prefix {@code java} would
     * also admit e.g. {@code javassist.*}, and its blocklist names only classes outside these prefixes). The classic
     * gadget-chain attack on an open port needs a class from another library. Stored values, keys and entry processors are all Compact; what is
     * still Java-serialized is Jet's: job definitions (the analyzer's processor suppliers, the profiler's pipeline
     * lambdas and {@code ProfilerConfig}) and the profiler's per-application state in Jet snapshots, hence
     * {@code io.sessiongrid.}.
     */
    public static Config prepare(Config member, SessionGridConfig config) {
        SessionStores.configureMember(member, config);
        member.getJetConfig().setEnabled(true);
        if (member.getSerializationConfig().getJavaSerializationFilterConfig() == null) {
            JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
            filter.getWhitelist().addPrefixes("java.", "javax.", "com.hazelcast.", "io.sessiongrid.", "[");
            member.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        }
        AnalyzerMaps.configure(member, config.analyzer());
        // The split-brain quorum follows the smallest cluster the operator runs (scaling.minMembers).
        SniMaps.configure(member, config.sni(), config.scaling().minMembers());
        BehavioralProfiler.configure(member);
        return member;
    }

    /** Completes a client configuration with every SessionGrid serializer and the store's durability setting. */
    public static ClientConfig prepareClient(ClientConfig client) {
        SessionStores.configureClient(client);
        AnalyzerSerialization.register(client.getSerializationConfig());
        SniSerialization.register(client.getSerializationConfig());
        ProfilerSerialization.register(client.getSerializationConfig());
        return client;
    }

    /** Starts the cluster's Jet jobs if they are not running yet; idempotent, so every member calls it. */
    public static void startJobs(HazelcastInstance member, SessionGridConfig config) {
        AnalyzerJobs.ensureRunning(member, config.analyzer(), config.scaling());
        BehavioralProfiler.submit(member, ProfilerConfig.defaults());
    }
}
