package io.sessiongrid.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.sessiongrid.config.ConfigAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Durations as written in sessiongrid.yaml, read through the loader (the format is internal). */
class DurationFormatTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "30s, PT30S",
            "5m, PT5M",
            "2h, PT2H",
            "1d, PT24H",
            "0, PT0S",
            "'\"0\"', PT0S",
            "PT30M, PT30M",
            "P1DT2H, PT26H",
            "0s, PT0S"})
    void acceptedForms(String yaml, String expected) {
        Duration ttl = SessionGridConfigLoader.parse("f", "partitions:\n  p: { ttl: " + yaml + " }\n").partitions().get("p").ttl();
        assertEquals(Duration.parse(expected), ttl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "1.5s", "5 m", "5M", "-5s", "1w", "s", "PT", "99999999999999999999s", "true"})
    void refusedForms(String yaml) {
        assertRejected("partitions:\n  p: { ttl: " + yaml + " }\n", "partitions.p.ttl", "a duration", "500ms, 30s, 5m, 2h, 1d");
    }
}
