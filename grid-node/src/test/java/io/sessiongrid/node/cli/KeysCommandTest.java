package io.sessiongrid.node.cli;

import io.sessiongrid.session.EncryptionKeysets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code keys}: the keyset file through a rotation, and refusals as usage errors (exit 2). */
class KeysCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private List<EncryptionKeysets.KeyInfo> keys(Path keyset) throws Exception {
        return EncryptionKeysets.keys(Files.readString(keyset));
    }

    @Test
    void aRotationThroughTheKeysetFile() throws Exception {
        Path keyset = dir.resolve("keyset.json");
        assertEquals(0, run("keys", "create", "--keyset", keyset.toString()).exit());
        long first = keys(keyset).get(0).id();
        assertEquals(0, run("keys", "add", "--keyset", keyset.toString()).exit());
        long second = keys(keyset).get(1).id();
        assertEquals(List.of(true, false), keys(keyset).stream().map(EncryptionKeysets.KeyInfo::primary).toList());

        CliRun promote = run("keys", "promote", "--keyset", keyset.toString(), "--id", Long.toString(second));
        assertEquals(0, promote.exit(), promote.err());
        assertTrue(promote.out().contains("* " + second), promote.out());
        assertEquals(0, run("keys", "drop", "--keyset", keyset.toString(), "--id", Long.toString(first)).exit());
        assertEquals(List.of(second), keys(keyset).stream().map(EncryptionKeysets.KeyInfo::id).toList());

        CliRun list = run("keys", "list", "--keyset", keyset.toString());
        assertTrue(list.out().startsWith("* " + second + "  "), list.out());
    }

    @Test
    void refusalsSayWhatToDoAndExitTwo() throws Exception {
        Path keyset = dir.resolve("keyset.json");
        run("keys", "create", "--keyset", keyset.toString());
        long only = keys(keyset).get(0).id();
        CliRun primary = run("keys", "drop", "--keyset", keyset.toString(), "--id", Long.toString(only));
        assertEquals(2, primary.exit(), primary.err());
        assertTrue(primary.err().contains("is the primary key: promote another key before dropping it"), primary.err());
        CliRun again = run("keys", "create", "--keyset", keyset.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("exists already"), again.err());
        CliRun missing = run("keys", "list", "--keyset", dir.resolve("none.json").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("is not a file; create one with 'keys create"), missing.err());
    }

    @Test
    void aSingleBase64KeyIsImported() throws Exception {
        Path key = Files.writeString(dir.resolve("key"), Base64.getEncoder().encodeToString(new byte[32]));
        Path keyset = dir.resolve("keyset.json");
        assertEquals(0, run("keys", "import", "--keyset", keyset.toString(), "--key-file", key.toString()).exit());
        assertEquals(0, run("keys", "add", "--keyset", keyset.toString(), "--primary").exit());
        assertEquals(List.of(false, true), keys(keyset).stream().map(EncryptionKeysets.KeyInfo::primary).toList());
    }
}
