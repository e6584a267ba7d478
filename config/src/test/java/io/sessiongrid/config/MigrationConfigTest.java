package io.sessiongrid.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.sessiongrid.config.ConfigAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code migration} section: defaults, merging and its rules. */
class MigrationConfigTest {

    @Test
    void defaultsAreSelectiveReplayWithTenSecondMoves() {
        assertEquals(MigrationConfig.defaults(), SessionGridConfigLoader.defaults().migration());
        assertEquals(new MigrationConfig(Duration.ofSeconds(10), MigrationConfig.ReplayScope.ROLE),
                MigrationConfig.defaults());
    }

    @Test
    void givenFieldsMergeOverTheDefaults() {
        MigrationConfig m = SessionGridConfigLoader.parse("t.yaml", "migration: { replay: all }\n").migration();
        assertEquals(new MigrationConfig(Duration.ofSeconds(10), MigrationConfig.ReplayScope.ALL), m);
    }

    @Test
    void moveTimeoutPositive() {
        assertRejected("migration: { moveTimeout: 0 }\n", "migration.moveTimeout", "greater than 0");
    }

    @Test
    void replayScopeNamed() {
        assertRejected("migration: { replay: some }\n", "migration.replay", "role", "all");
    }
}
