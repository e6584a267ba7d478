package io.sessiongrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asserts that a document is refused with the expected source, path and explanation. */
final class ConfigAssertions {
    static final String SOURCE = "test.yaml";

    private ConfigAssertions() {
    }

    /**
     * Parses {@code yaml} as {@value #SOURCE} and asserts a {@link ConfigException} at {@code path} whose message
     * contains the source, the path and every fragment (the fragments state what is allowed).
     */
    static ConfigException assertRejected(String yaml, String path, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> SessionGridConfigLoader.parse(SOURCE, yaml));
        assertEquals(SOURCE, e.source(), e::getMessage);
        assertEquals(path, e.path(), e::getMessage);
        assertTrue(e.getMessage().startsWith(SOURCE + ": " + (path.isEmpty() ? "" : path + ": ")), e::getMessage);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "expected '" + f + "' in: " + e.getMessage());
        }
        return e;
    }
}
