package io.sessiongrid.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.sessiongrid.config.ConfigAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The {@code migration} section: defaults, merging and its rules. */
class MigrationConfigTest {

    @Test
    void defaultsHaveNoRoleAndSelectiveReplay() {
        MigrationConfig m = SessionGridConfigLoader.defaults().migration();
        assertEquals(MigrationConfig.defaults(), m);
        assertNull(m.role());
        assertEquals(MigrationConfig.ReplayScope.ROLE, m.replay());
    }

    @Test
    void givenFieldsMergeOverTheDefaults() {
        MigrationConfig m = SessionGridConfigLoader.parse("t.yaml",
                "migration: { role: edge, redirectAddress: 'edge-1:8443', replay: all }\n").migration();
        assertEquals(new MigrationConfig("edge", "edge-1:8443", Duration.ofSeconds(10), MigrationConfig.ReplayScope.ALL), m);
    }

    @Test
    void roleMustBeConfigured() {
        assertRejected("migration: { role: nope }\n", "migration.role", "unknown role 'nope'", "game-server");
    }

    @Test
    void moveTimeoutPositive() {
        assertRejected("migration: { moveTimeout: 0 }\n", "migration.moveTimeout", "greater than 0");
    }

    @Test
    void redirectAddressNotBlank() {
        assertRejected("migration: { redirectAddress: ' ' }\n", "migration.redirectAddress", "host:port");
    }
}
