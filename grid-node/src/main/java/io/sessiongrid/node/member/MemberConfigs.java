package io.sessiongrid.node.member;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.session.SessionStores;

/** Completes a Hazelcast member configuration with what SessionGrid needs. */
public final class MemberConfigs {
    /** Member attribute naming the server role ({@code roles:} in sessiongrid.yaml). */
    public static final String ROLE_ATTRIBUTE = "sessiongrid.role";

    private MemberConfigs() {
    }

    /**
     * Adds the session maps and serializers, enables Jet (the analyzer's jobs and SQL run on it), and
     * restricts Java deserialization to JDK, Hazelcast and SessionGrid classes, which closes the classic
     * gadget-chain deserialization attack on open ports. (Stored values are all Compact; some entry
     * processors are still Java-serialized records.)
     */
    public static Config prepare(Config member, SessionGridConfig config) {
        SessionStores.configureMember(member, config);
        member.getJetConfig().setEnabled(true);
        if (member.getSerializationConfig().getJavaSerializationFilterConfig() == null) {
            JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(false);
            filter.getWhitelist().addPrefixes("java.", "javax.", "com.hazelcast.", "io.sessiongrid.", "[");
            member.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        }
        return member;
    }
}
