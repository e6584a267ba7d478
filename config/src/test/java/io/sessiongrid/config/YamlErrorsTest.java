package io.sessiongrid.config;

import org.junit.jupiter.api.Test;

import static io.sessiongrid.config.ConfigAssertions.assertRejected;

/** Documents Jackson cannot map: each error names the path and what would be accepted. */
class YamlErrorsTest {

    @Test
    void unknownTopLevelKeyListsTheKnownKeys() {
        assertRejected("partition:\n  a: {}\n", "partition",
                "unknown key 'partition'", "analyzer, encryption, metrics, migration, partitions, roles, scaling, sni");
    }

    @Test
    void unknownKeyInsideAPartitionType() {
        assertRejected("partitions:\n  cart: { maxByte: 10 }\n", "partitions.cart.maxByte",
                "unknown key 'maxByte'", "backupCount, encrypted, maxBytes, placement, ttl");
    }

    @Test
    void unknownKeyInsideASection() {
        assertRejected("scaling: { max: 3 }\n", "scaling.max", "unknown key 'max'",
                "capacityPerServer, cooldown, decisionInterval, maxMembers, maxStep, minMembers, promotion, "
                        + "provisioner, provisionerSettings, provisioningTime, scaleInUtilization, serverRole, targetUtilization, warmUpTime");
    }

    @Test
    void textWhereANumberBelongs() {
        assertRejected("partitions:\n  cart: { maxBytes: lots }\n", "partitions.cart.maxBytes",
                "'lots' is not allowed", "a whole number");
    }

    @Test
    void fractionWhereAWholeNumberBelongs() {
        assertRejected("analyzer: { historyPoints: 10.5 }\n", "analyzer.historyPoints", "a whole number");
    }

    @Test
    void numberBeyondIntRange() {
        assertRejected("sni: { widthBits: 99999999999 }\n", "sni.widthBits", "out of range of int");
    }

    @Test
    void numberWhereABooleanBelongs() {
        assertRejected("partitions:\n  cart: { encrypted: 1 }\n", "partitions.cart.encrypted", "true or false");
    }

    @Test
    void badPlacementListsTheAllowedValues() {
        assertRejected("partitions:\n  cart: { placement: nearby }\n", "partitions.cart.placement",
                "'nearby' is not allowed", "one of session, spread");
    }

    @Test
    void badDurationNamesTheFormat() {
        assertRejected("partitions:\n  cart: { ttl: 5 minutes }\n", "partitions.cart.ttl",
                "'5 minutes' is not allowed", "500ms, 30s, 5m, 2h, 1d", "PT30M");
    }

    @Test
    void badDurationInsideAList() {
        assertRejected("analyzer: { intervals: [1s, 5x] }\n", "analyzer.intervals[1]", "'5x' is not allowed", "a duration");
    }

    @Test
    void scalarWhereAListBelongs() {
        assertRejected("roles:\n  edge: auth\n", "roles.edge", "wrong type", "a list");
    }

    @Test
    void scalarWhereAMappingBelongs() {
        assertRejected("partitions:\n  cart: big\n", "partitions.cart", "wrong type",
                "a mapping with keys [backupCount, encrypted, maxBytes, placement, ttl]");
    }

    @Test
    void explicitNullIsRefused() {
        assertRejected("sni: { widthBits: null }\n", "sni.widthBits", "null is not allowed", "a whole number");
    }

    @Test
    void nullInsideAListIsRefused() {
        assertRejected("roles:\n  edge: [auth, ~]\n", "roles.edge[1]", "null is not allowed");
    }

    @Test
    void malformedYamlGivesLineAndColumn() {
        assertRejected("roles: { edge: [auth} }\n", "roles.edge[1]",
                "malformed YAML at line 1, column 21", "expected ',' or ']'");
    }

    @Test
    void duplicateKeyIsRefused() {
        assertRejected("partitions:\n  cart: {}\n  cart: {}\n", "partitions",
                "malformed YAML at line 3", "Duplicate field 'cart'");
    }

    @Test
    void aSecondDocumentIsRefused() {
        assertRejected("scaling: { maxMembers: 3 }\n---\nscaling: { maxMembers: 4 }\n", "",
                "only one YAML document is allowed");
    }

    @Test
    void listAsTheWholeDocumentIsRefused() {
        assertRejected("- a\n- b\n", "", "wrong type", "a mapping with keys [analyzer, encryption, metrics, migration, partitions");
    }
}
