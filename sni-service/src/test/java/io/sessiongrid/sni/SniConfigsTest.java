package io.sessiongrid.sni;

import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.config.SniConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SniConfigsTest {
    private static final Duration H = Duration.ofHours(1);

    @Test
    void defaultsAreTheShippedYamlSection() {
        assertEquals(SessionGridConfigLoader.defaults().sni(), SniConfigs.defaults());
        assertSame(SniConfigs.defaults(), SniConfigs.validate(SniConfigs.defaults()));
    }

    @Test
    void theLoadersRulesApplyToConfigsBuiltInCode() {
        ConfigException chunk = assertThrows(ConfigException.class,
                () -> SniConfigs.validate(new SniConfig(16, 100, H, H)));
        assertEquals("sni.chunkSize", chunk.path());
        assertTrue(chunk.getMessage().contains("power of two"), chunk.getMessage());
        ConfigException width = assertThrows(ConfigException.class,
                () -> SniConfigs.validate(new SniConfig(40, 4096, H, H)));
        assertEquals("sni.widthBits", width.path());
        ConfigException ttl = assertThrows(ConfigException.class,
                () -> SniConfigs.validate(new SniConfig(16, 256, Duration.ZERO, H)));
        assertEquals("sni.reservationTtl", ttl.path());
        assertThrows(IllegalArgumentException.class, () -> SniConfigs.validate(null));
    }

    @Test
    void theChunkCountLimitIsThisImplementationsOwnRule() {
        ConfigException many = assertThrows(ConfigException.class,
                () -> SniConfigs.validate(new SniConfig(32, 16, H, H)));
        assertTrue(many.getMessage().contains("chunks"), many.getMessage());
        ConfigException one = assertThrows(ConfigException.class,
                () -> SniConfigs.validate(new SniConfig(12, 4096, H, H)));
        assertTrue(one.getMessage().contains("got 1 (") && one.getMessage().contains("at most 2048"), one.getMessage());
        SniConfigs.validate(new SniConfig(32, 4096, H, H));
    }
}
