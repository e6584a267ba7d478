package io.sessiongrid.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.sessiongrid.config.ConfigAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Well-formed documents whose values break a limit: one test per rule. */
class ValidationTest {

    // ---- partitions

    @Test
    void atLeastOnePartitionType() {
        assertRejected("partitions: {}\n", "partitions", "at least one partition type");
    }

    @Test
    void partitionTypeName() {
        assertRejected("partitions:\n  'my cart': {}\n", "partitions.my cart",
                "name 'my cart' is not allowed", "1-64 characters from A-Z a-z 0-9 . _ -");
    }

    @Test
    void partitionTypeNameTooLong() {
        String name = "a".repeat(65);
        assertRejected("partitions:\n  " + name + ": {}\n", "partitions." + name, "1-64 characters");
    }

    @Test
    void maxBytesAtLeastOne() {
        assertRejected("partitions:\n  cart: { maxBytes: 0 }\n", "partitions.cart.maxBytes",
                "0 is out of range", "1..16777216");
    }

    @Test
    void maxBytesAtMostSixteenMiB() {
        assertRejected("partitions:\n  cart: { maxBytes: 16777217 }\n", "partitions.cart.maxBytes", "1..16777216");
    }

    @Test
    void ttlNotNegative() {
        assertRejected("partitions:\n  cart: { ttl: PT-5S }\n", "partitions.cart.ttl", "is negative", "0 (no expiry) or more");
    }

    @Test
    void backupCountAtMostSix() {
        assertRejected("partitions:\n  cart: { backupCount: 7 }\n", "partitions.cart.backupCount", "0..6");
    }

    @Test
    void backupCountNotNegative() {
        assertRejected("partitions:\n  cart: { backupCount: -1 }\n", "partitions.cart.backupCount", "0..6");
    }

    // ---- roles

    @Test
    void roleName() {
        assertRejected("roles:\n  'game/server': [auth]\n", "roles.game/server", "name 'game/server' is not allowed",
                "A-Z a-z 0-9 . _ -");
    }

    @Test
    void roleNamesAKnownPartitionType() {
        assertRejected("roles:\n  game-server: [auth, games]\n", "roles.game-server[1]",
                "unknown partition type 'games'", "known: [auth, cart, game, profile]");
    }

    @Test
    void roleListsEachTypeOnce() {
        assertRejected("roles:\n  game-server: [auth, game, auth]\n", "roles.game-server[2]",
                "'auth' is already listed at [0]", "list each partition type once");
    }

    @Test
    void roleListNotEmpty() {
        assertRejected("roles:\n  edge: []\n", "roles.edge", "lists no partition types", "at least one of [auth, cart");
    }

    @Test
    void defaultRolesDoNotSurviveAReplacedPartitionSet() {
        // With partitions given and roles absent there are no roles, so nothing refers to the old types.
        assertEquals(0, SessionGridConfigLoader.parse("f", "partitions:\n  chat: {}\n").roles().size());
        assertRejected("partitions:\n  chat: {}\nroles:\n  edge: [auth]\n", "roles.edge[0]", "known: [chat]");
    }

    // ---- encryption

    @Test
    void keyEnvIsAName() {
        assertRejected("encryption: { keyEnv: '  ' }\n", "encryption.keyEnv",
                "not an environment variable name", "letters, digits and _");
    }

    @Test
    void keyFileMayNotBeBlank() {
        assertRejected("encryption: { keyFile: '' }\n", "encryption.keyFile", "a file path or null");
    }

    // ---- analyzer

    @Test
    void intervalsNotEmpty() {
        assertRejected("analyzer: { intervals: [] }\n", "analyzer.intervals", "at least one interval");
    }

    @Test
    void intervalsPositive() {
        assertRejected("analyzer: { intervals: [0, 1s] }\n", "analyzer.intervals[0]", "greater than 0");
    }

    @Test
    void intervalsStrictlyAscending() {
        assertRejected("analyzer: { intervals: [1s, 1m, 60s] }\n", "analyzer.intervals[2]", "strictly ascending");
    }

    @Test
    void intervalsWholeMultiplesOfTheFlushInterval() {
        assertRejected("analyzer: { intervals: [2s, 5s] }\n", "analyzer.intervals[1]", "whole multiple");
    }

    @Test
    void historyPointsLowerBound() {
        assertRejected("analyzer: { historyPoints: 9 }\n", "analyzer.historyPoints", "10..100000");
    }

    @Test
    void historyPointsUpperBound() {
        assertRejected("analyzer: { historyPoints: 100001 }\n", "analyzer.historyPoints", "10..100000");
    }

    @Test
    void connectionHistoryOneLengthPerInterval() {
        assertRejected("analyzer: { intervals: [1s, 5s], connectionHistory: [60, 180, 120] }\n",
                "analyzer.connectionHistory", "3 lengths for 2 intervals", "one per interval");
    }

    @Test
    void connectionHistoryBounds() {
        assertRejected("analyzer: { connectionHistory: [300, 9, 240] }\n", "analyzer.connectionHistory[1]", "10..100000");
    }

    @Test
    void seasonMustSpanAtLeastTwoWindowsOfTheLongestInterval() {
        assertRejected("analyzer: { season: 1m }\n", "analyzer.season", "1m is 1 windows of the longest interval (1m)",
                "2..10000 windows");
    }

    @Test
    void seasonMustBeWholeWindowsOfTheLongestInterval() {
        assertRejected("analyzer: { season: 90s }\n", "analyzer.season", "90s is not a whole number of windows",
                "(1m)", "a multiple of it");
    }

    @Test
    void seasonMustFitTenSeasonsInOneSeries() {
        assertRejected("analyzer: { intervals: [1s, 5s], season: 1d }\n", "analyzer.season", "17280 windows",
                "longest interval of 1m or more");
    }

    @Test
    void seasonIsNeverNegative() {
        assertRejected("analyzer: { season: -PT1H }\n", "analyzer.season", "negative");
    }

    @Test
    void intervalsChangedWithoutASeasonKeepTheDefaultSeasonOnlyWhenItStillFits() {
        assertEquals(Duration.ZERO, SessionGridConfigLoader.parse("test.yaml", "analyzer: { intervals: [1s, 2s] }\n").analyzer().season());
        assertEquals(Duration.ofDays(1), SessionGridConfigLoader.parse("test.yaml", "analyzer: { intervals: [1s, 5m] }\n").analyzer().season());
        assertEquals(Duration.ZERO, SessionGridConfigLoader.parse("test.yaml", "analyzer: { intervals: [1s, 7m] }\n").analyzer().season(),
                "a day is not whole 7-minute windows");
        assertEquals(Duration.ZERO, SessionGridConfigLoader.parse("test.yaml", "analyzer: { season: 0 }\n").analyzer().season());
    }

    // ---- scaling

    @Test
    void minMembersAtLeastOne() {
        assertRejected("scaling: { minMembers: 0 }\n", "scaling.minMembers", "1 or more");
    }

    @Test
    void maxMembersNotBelowMinMembers() {
        assertRejected("scaling: { minMembers: 5, maxMembers: 4 }\n", "scaling.maxMembers",
                "scaling.minMembers (5) to 256");
    }

    @Test
    void maxMembersAtMost256() {
        assertRejected("scaling: { maxMembers: 257 }\n", "scaling.maxMembers", "to 256");
    }

    @Test
    void capacityPerServerPositive() {
        assertRejected("scaling: { capacityPerServer: 0 }\n", "scaling.capacityPerServer", "greater than 0");
    }

    @Test
    void targetUtilizationAtMostOne() {
        assertRejected("scaling: { targetUtilization: 1.5 }\n", "scaling.targetUtilization", "at most 1");
    }

    @Test
    void scaleInUtilizationBelowTarget() {
        assertRejected("scaling: { targetUtilization: 0.6, scaleInUtilization: 0.6 }\n", "scaling.scaleInUtilization",
                "below scaling.targetUtilization (0.6)");
    }

    @Test
    void maxStepAtLeastOne() {
        assertRejected("scaling: { maxStep: 0 }\n", "scaling.maxStep", "1..256");
    }

    @Test
    void promotionIsOneOfTheModes() {
        assertRejected("scaling: { promotion: later }\n", "scaling.promotion", "immediate");
    }

    @Test
    void decisionIntervalPositive() {
        assertRejected("scaling: { decisionInterval: 0 }\n", "scaling.decisionInterval", "greater than 0");
    }

    @Test
    void provisioningTimePositive() {
        assertRejected("scaling: { provisioningTime: 0s }\n", "scaling.provisioningTime", "greater than 0");
    }

    @Test
    void warmUpTimePositive() {
        assertRejected("scaling: { warmUpTime: 0ms }\n", "scaling.warmUpTime", "greater than 0");
    }

    @Test
    void cooldownMayBeZeroButNotNegative() {
        assertEquals(0, SessionGridConfigLoader.parse("f", "scaling: { cooldown: 0 }\n").scaling().cooldown().toMillis());
        assertRejected("scaling: { cooldown: -PT1S }\n", "scaling.cooldown", "0 or more");
    }

    @Test
    void provisionerIsAKnownOne() {
        assertRejected("scaling: { provisioner: docker }\n", "scaling.provisioner", "docker is not allowed",
                "none, in-process, local-process, kubernetes");
    }

    @Test
    void serverRoleIsAConfiguredRoleWhenServersAreStarted() {
        assertRejected("scaling: { provisioner: local-process, serverRole: relay }\n", "scaling.serverRole",
                "relay is not a configured role", "edge");
    }

    @Test
    void serverRoleIsNotCheckedWithoutAProvisioner() {
        assertEquals("relay", SessionGridConfigLoader.parse("t", "scaling: { serverRole: relay }\n").scaling().serverRole());
    }

    @Test
    void provisionerSettingsHaveNonEmptyKeys() {
        assertRejected("scaling: { provisioner: local-process, provisionerSettings: { '': x } }\n",
                "scaling.provisionerSettings", "a non-empty key with a string value");
    }

    // ---- sni

    @Test
    void widthBitsLowerBound() {
        assertRejected("sni: { widthBits: 7, chunkSize: 16 }\n", "sni.widthBits", "8..32");
    }

    @Test
    void widthBitsUpperBound() {
        assertRejected("sni: { widthBits: 33 }\n", "sni.widthBits", "8..32");
    }

    @Test
    void chunkSizePowerOfTwo() {
        assertRejected("sni: { chunkSize: 1000 }\n", "sni.chunkSize", "a power of two from 16 to 2^widthBits (16777216)");
    }

    @Test
    void chunkSizeAtLeastSixteen() {
        assertRejected("sni: { chunkSize: 8 }\n", "sni.chunkSize", "a power of two from 16");
    }

    @Test
    void chunkSizeDividesTheSpace() {
        assertRejected("sni: { widthBits: 8, chunkSize: 512 }\n", "sni.chunkSize", "to 2^widthBits (256)");
        assertEquals(256, SessionGridConfigLoader.parse("f", "sni: { widthBits: 8, chunkSize: 256 }\n").sni().chunkSize());
    }

    @Test
    void reservationTtlPositive() {
        assertRejected("sni: { reservationTtl: 0 }\n", "sni.reservationTtl", "greater than 0");
    }

    @Test
    void idleTimeoutPositive() {
        assertRejected("sni: { idleTimeout: 0 }\n", "sni.idleTimeout", "greater than 0");
    }
}
