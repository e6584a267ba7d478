package io.sessiongrid.provision;

import io.sessiongrid.config.SessionGridConfigLoader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerProvisionersTest {

    private static ProvisionerContext context(Map<String, String> settings) {
        return new ProvisionerContext(SessionGridConfigLoader.defaults(), settings, Clock.systemUTC());
    }

    @Test
    void findsTheBuiltInProvisionersThroughServiceLoader() {
        assertTrue(ServerProvisioners.names().containsAll(java.util.List.of("in-process", "local-process")),
                ServerProvisioners.names().toString());
        try (ServerProvisioner p = ServerProvisioners.create("in-process", context(Map.of()))) {
            assertEquals("in-process", p.name());
            assertTrue(p.servers().isEmpty());
            assertTrue(p.provisioningTime().isEmpty(), "no time before a server was ready");
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerProvisioners.create("cloud", context(Map.of())));
        assertTrue(e.getMessage().contains("in-process"), e.getMessage());
    }

    @Test
    void anUnknownSettingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerProvisioners.create("in-process", context(Map.of("namespace", "x"))));
        assertTrue(e.getMessage().contains("unknown setting 'namespace'"), e.getMessage());
    }
}
