package io.sessiongrid.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user document over the defaults. */
class MergeTest {
    private final SessionGridConfig defaults = SessionGridConfigLoader.defaults();

    @Test
    void partitionsAndRolesOnlyKeepDefaultSections() {
        SessionGridConfig c = SessionGridConfigLoader.parse("f", """
                partitions:
                  chat: { maxBytes: 1024, ttl: 5m }
                  media: { placement: SPREAD, encrypted: true, backupCount: 2 }
                roles:
                  chat-server: [chat]
                """);
        assertEquals(List.of("chat", "media"), List.copyOf(c.partitions().keySet()), "given set replaces the defaults");
        assertEquals(List.of("chat-server"), List.copyOf(c.roles().keySet()));
        assertEquals(defaults.encryption(), c.encryption());
        assertEquals(defaults.analyzer(), c.analyzer());
        assertEquals(defaults.scaling(), c.scaling());
        assertEquals(defaults.sni(), c.sni());
    }

    @Test
    void provisionerSettingsAreStringsInFileOrder() {
        assertTrue(defaults.scaling().provisionerSettings().isEmpty());
        SessionGridConfig c = SessionGridConfigLoader.parse("f", """
                scaling: { provisioner: local-process, provisionerSettings: { root: /opt/sg, stopTimeout: 90s, port: 5701 } }
                """);
        assertEquals(List.of("root", "stopTimeout", "port"), List.copyOf(c.scaling().provisionerSettings().keySet()));
        assertEquals("5701", c.scaling().provisionerSettings().get("port"), "numbers are read as text");
        assertEquals(defaults.scaling().serverRole(), c.scaling().serverRole(), "the other scaling fields stay");
    }

    @Test
    void absentPartitionFieldsTakeFieldDefaults() {
        SessionGridConfig c = SessionGridConfigLoader.parse("f", "partitions:\n  bare: {}\n");
        assertEquals(new PartitionTypeConfig("bare", 65536, Duration.ZERO, 1, Placement.SESSION, false),
                c.partitions().get("bare"));
    }

    @Test
    void partitionsWithoutRolesMeanNoRoles() {
        SessionGridConfig c = SessionGridConfigLoader.parse("f", "partitions:\n  chat: {}\n");
        assertTrue(c.roles().isEmpty());
    }

    @Test
    void rolesWithoutPartitionsReferToDefaultTypes() {
        SessionGridConfig c = SessionGridConfigLoader.parse("f", "roles:\n  all: [auth, cart, game, profile]\n");
        assertEquals(defaults.partitions(), c.partitions());
        assertEquals(List.of("all"), List.copyOf(c.roles().keySet()));
    }

    @Test
    void absentFieldsInsideAGivenSectionKeepTheirDefaults() {
        SessionGridConfig c = SessionGridConfigLoader.parse("f", """
                scaling: { maxMembers: 4 }
                sni: { widthBits: 16 }
                encryption: { keyFile: /etc/sessiongrid/key }
                """);
        assertEquals(4, c.scaling().maxMembers());
        assertEquals(defaults.scaling().cooldown(), c.scaling().cooldown());
        assertEquals(16, c.sni().widthBits());
        assertEquals(defaults.sni().chunkSize(), c.sni().chunkSize());
        assertEquals(Path.of("/etc/sessiongrid/key"), c.encryption().keyFile());
        assertEquals("SESSIONGRID_ENCRYPTION_KEY", c.encryption().keyEnv());
        assertEquals(defaults.partitions(), c.partitions());
        assertEquals(defaults.roles(), c.roles());
    }

    @Test
    void emptySectionMeansDefaults() {
        assertEquals(defaults.scaling(), SessionGridConfigLoader.parse("f", "scaling:\n").scaling());
    }

    @Test
    void placementIsCaseInsensitive() {
        SessionGridConfig c = SessionGridConfigLoader.parse("f", "partitions:\n  a: {placement: Spread}\n  b: {placement: SESSION}\n");
        assertEquals(Placement.SPREAD, c.partitions().get("a").placement());
        assertEquals(Placement.SESSION, c.partitions().get("b").placement());
    }
}
