package io.sessiongrid.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document with several errors reports all of them in one exception, each with its path. */
class AllErrorsTest {
    @Test
    void unknownKeysAndBadValuesAreReportedTogether() {
        String yaml = """
                partitions:
                  cart: { maxBytes: 0, colour: red }
                  game: { backupCount: 9 }
                roles:
                  shop-server: [cart, nope]
                analyzer: { historyPoints: 5 }
                sni: { widthBits: 40, chunkSise: 16 }
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> SessionGridConfigLoader.parse("f.yaml", yaml));
        List<String> paths = e.problems().stream().map(ConfigException.Problem::path).toList();
        assertEquals(List.of("partitions.cart.colour", "sni.chunkSise", "partitions.cart.maxBytes",
                "partitions.game.backupCount", "roles.shop-server[1]", "analyzer.historyPoints", "sni.widthBits"),
                paths, e::getMessage);
        assertTrue(e.getMessage().startsWith("f.yaml: 7 problems\n  partitions.cart.colour: unknown key 'colour'; "
                + "allowed keys: [backupCount, encrypted, maxBytes, placement, ttl]"), e::getMessage);
        assertTrue(e.getMessage().contains("\n  partitions.game.backupCount: 9 is out of range; allowed: 0..6"),
                e::getMessage);
        assertTrue(e.getMessage().contains("\n  roles.shop-server[1]: unknown partition type 'nope'"), e::getMessage);
    }

    @Test
    void unknownKeysBeforeAnErrorThatStopsReadingAreReportedWithIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> SessionGridConfigLoader.parse("f.yaml",
                "partitions: { cart: { colour: red } }\nsni: { widthBits: [1 }\n"));
        assertEquals(2, e.problems().size(), e::getMessage);
        assertEquals("partitions.cart.colour", e.path());
        assertEquals("sni.widthBits", e.problems().get(1).path(), e::getMessage);
        assertEquals("wrong type; expected a whole number", e.problems().get(1).problem());
    }
}
