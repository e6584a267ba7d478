package io.sessiongrid.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class DefaultsTest {
    private final SessionGridConfig c = SessionGridConfigLoader.defaults();

    @Test
    void partitionTypesMatchTheDocumentedDefaults() {
        assertEquals(List.of("auth", "cart", "game", "profile"), List.copyOf(c.partitions().keySet()));
        assertEquals(new PartitionTypeConfig("auth", 4096, Duration.ofMinutes(30), 1, Placement.SESSION, false),
                c.partitions().get("auth"));
        assertEquals(new PartitionTypeConfig("cart", 65536, Duration.ofHours(2), 1, Placement.SESSION, false),
                c.partitions().get("cart"));
        assertEquals(new PartitionTypeConfig("game", 262144, Duration.ofHours(1), 1, Placement.SPREAD, false),
                c.partitions().get("game"));
        assertEquals(new PartitionTypeConfig("profile", 16384, Duration.ZERO, 1, Placement.SESSION, false),
                c.partition("profile").orElseThrow());
    }

    @Test
    void rolesMatchTheDocumentedDefaults() {
        assertEquals(List.of("game-server", "shop-server", "edge"), List.copyOf(c.roles().keySet()));
        assertEquals(List.of("auth", "game"), c.roles().get("game-server").partitions());
        assertEquals(List.of("auth", "cart"), c.roles().get("shop-server").partitions());
        assertEquals(List.of("auth"), c.role("edge").orElseThrow().partitions());
    }

    @Test
    void sectionsMatchTheDocumentedDefaults() {
        assertEquals("SESSIONGRID_ENCRYPTION_KEY", c.encryption().keyEnv());
        assertNull(c.encryption().keyFile());
        assertEquals(new AnalyzerConfig(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1)), 720,
                List.of(60, 180, 120), Duration.ofDays(1)), c.analyzer());
        assertEquals(1440, c.analyzer().seasonSteps());
        assertEquals(new ScalingConfig(1, 8, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15),
                Duration.ofSeconds(60), 20000, 0.7, 0.6, 8, ScalingConfig.Promotion.TROUGH, "none", "edge",
                java.util.Map.of()), c.scaling());
        assertEquals(new SniConfig(24, 4096, Duration.ofHours(24), Duration.ofMinutes(10)), c.sni());
        assertEquals(MetricsConfig.defaults(), c.metrics(), "the record's defaults are the file's");
    }

    @Test
    void defaultsAreReadOnce() {
        assertSame(c, SessionGridConfigLoader.defaults());
    }

    @Test
    void emptyOrCommentOnlyDocumentMeansAllDefaults() {
        assertEquals(c, SessionGridConfigLoader.parse("empty", ""));
        assertEquals(c, SessionGridConfigLoader.parse("comments", "# nothing here\n\n"));
        assertEquals(c, SessionGridConfigLoader.parse("null", "~\n"));
    }
}
