package io.sessiongrid.runtime;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.time.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeOptionsTest {

    @Test
    void defaultsForAMember() {
        NodeOptions o = NodeOptions.builder().member(new Config()).build();
        assertEquals(NodeKind.DATA_MEMBER, o.kind());
        assertEquals(SessionGridConfigLoader.defaults(), o.config());
        assertEquals(Optional.empty(), o.role());
        assertEquals(Optional.empty(), o.serverId());
        assertEquals(Optional.empty(), o.scheduler());
        assertEquals(Clock.systemUTC(), o.clock());
        assertTrue(o.shutdownHook());
        assertEquals(List.of(), o.components());
    }

    @Test
    void theKindFollowsTheHazelcastConfiguration() {
        assertEquals(NodeKind.LITE_MEMBER, NodeOptions.builder().member(new Config().setLiteMember(true)).build().kind());
        assertEquals(NodeKind.LITE_MEMBER, NodeOptions.builder().liteMember(new Config()).build().kind());
        assertEquals(NodeKind.CLIENT, NodeOptions.builder().client(new ClientConfig()).build().kind());
    }

    @Test
    void everyOptionIsKept() {
        ManualScheduler scheduler = new ManualScheduler(Instant.EPOCH);
        NodeComponent component = node -> { };
        NodeOptions o = NodeOptions.builder().client(new ClientConfig()).role("edge").serverId("edge-1")
                .redirectAddress("10.0.0.7:8443").clock(scheduler.clock()).scheduler(scheduler).component(component)
                .shutdownHook(false).shutdownTimeout(Duration.ofSeconds(30)).build();
        assertEquals(Optional.of("edge"), o.role());
        assertEquals(Optional.of("edge-1"), o.serverId());
        assertEquals(Optional.of("10.0.0.7:8443"), o.redirectAddress());
        assertEquals(scheduler.clock(), o.clock());
        assertEquals(Optional.of(scheduler), o.scheduler().map(s -> (ManualScheduler) s));
        assertEquals(List.of(component), o.components());
        assertEquals(Optional.of(Duration.ofSeconds(30)), o.shutdownTimeout());
    }

    @Test
    void anUnknownRoleListsTheConfiguredOnes() {
        InvalidNodeOptionsException e = assertThrows(InvalidNodeOptionsException.class,
                () -> NodeOptions.builder().member(new Config()).role("pinball").build());
        assertEquals(List.of("role 'pinball': unknown role; configured roles: [game-server, shop-server, edge]"),
                e.problems());
        assertTrue(e instanceof ConfigException, "the CLI reports it as a usage error");
        assertEquals("node options: " + e.problems().get(0), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidNodeOptionsException e = assertThrows(InvalidNodeOptionsException.class,
                () -> NodeOptions.builder().role("pinball").serverId("has space").redirectAddress("nowhere")
                        .clock(null).shutdownTimeout(Duration.ofMillis(10)).build());
        assertEquals(List.of(
                "kind: required; one of DATA_MEMBER, LITE_MEMBER, CLIENT",
                "role 'pinball': unknown role; configured roles: [game-server, shop-server, edge]",
                "serverId 'has space': 1-128 characters of [A-Za-z0-9._:@-]",
                "redirectAddress 'nowhere': host:port with a port in 1-65535",
                "clock: required (Clock.systemUTC() by default)",
                "shutdownTimeout PT0.01S: at least 1 second"), e.problems());
    }

    @Test
    void aMemberAndAClientAtOnceIsRefused() {
        InvalidNodeOptionsException e = assertThrows(InvalidNodeOptionsException.class,
                () -> NodeOptions.builder().member(new Config()).client(new ClientConfig()).build());
        assertEquals(List.of("client: a CLIENT needs a Hazelcast ClientConfig and no member Config"), e.problems());
    }

    @Test
    void aMissingHazelcastConfigurationAndABadPortAreRefused() {
        assertEquals(List.of("member: a DATA_MEMBER needs a Hazelcast member Config and no ClientConfig"),
                assertThrows(InvalidNodeOptionsException.class,
                        () -> NodeOptions.builder().member(null).build()).problems());
        assertEquals(List.of("redirectAddress 'host:70000': host:port with a port in 1-65535"),
                assertThrows(InvalidNodeOptionsException.class,
                        () -> NodeOptions.builder().member(new Config()).redirectAddress("host:70000").build()).problems());
    }

    @Test
    void nullComponentsAreRefused() {
        assertEquals(List.of("components: must not be or contain null"),
                assertThrows(InvalidNodeOptionsException.class,
                        () -> NodeOptions.builder().member(new Config()).component(null).build()).problems());
    }
}
