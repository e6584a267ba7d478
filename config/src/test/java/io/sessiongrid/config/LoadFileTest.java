package io.sessiongrid.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadFileTest {
    @TempDir
    Path dir;

    @Test
    void loadsAFileOverTheDefaults() throws IOException {
        Path f = Files.writeString(dir.resolve("sessiongrid.yaml"), "scaling: { maxMembers: 3 }\n");
        SessionGridConfig c = SessionGridConfigLoader.load(f);
        assertEquals(3, c.scaling().maxMembers());
        assertEquals(SessionGridConfigLoader.defaults().partitions(), c.partitions());
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> SessionGridConfigLoader.load(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.getMessage().contains("nope.yaml") && e.getMessage().contains("file not found"), e::getMessage);
    }

    @Test
    void directoryIsUnreadable() {
        ConfigException e = assertThrows(ConfigException.class, () -> SessionGridConfigLoader.load(dir));
        assertEquals(dir.toString(), e.source());
        assertTrue(e.getMessage().contains("cannot read"), e::getMessage);
    }

    @Test
    void errorsInAFileNameTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yaml"), "sni: { widthBits: 40 }\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SessionGridConfigLoader.load(f));
        assertEquals(f.toString(), e.source());
        assertEquals("sni.widthBits", e.path());
        assertTrue(e.getMessage().startsWith(f + ": sni.widthBits: "), e::getMessage);
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Path f = Files.write(dir.resolve("latin1.yaml"), new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> SessionGridConfigLoader.load(f));
        assertTrue(e.getMessage().contains("UTF-8"), e::getMessage);
    }
}
