package io.sessiongrid.session.internal;

import io.sessiongrid.config.EncryptionConfig;
import io.sessiongrid.session.EncryptionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadCipherTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODw==");

    @Test
    void sealsAndOpens() {
        PayloadCipher cipher = new PayloadCipher(KEY);
        byte[] sealed = cipher.seal("s1", "auth", "{\"token\":\"abc\"}");
        assertEquals("{\"token\":\"abc\"}", cipher.open("s1", "auth", sealed));
    }

    @Test
    void wrongKeyFailsClearlyInsteadOfReturningGarbage() {
        byte[] sealed = new PayloadCipher(KEY).seal("s1", "auth", "secret");
        EncryptionException e = assertThrows(EncryptionException.class,
                () -> new PayloadCipher(OTHER_KEY).open("s1", "auth", sealed));
        assertTrue(e.getMessage().contains("not the one it was written with"), e.getMessage());
    }

    @Test
    void payloadMovedToAnotherSessionFailsToOpen() {
        PayloadCipher cipher = new PayloadCipher(KEY);
        byte[] sealed = cipher.seal("s1", "auth", "secret");
        assertThrows(EncryptionException.class, () -> cipher.open("s2", "auth", sealed));
    }

    @Test
    void keyOfWrongLengthIsRefused() {
        EncryptionException e = assertThrows(EncryptionException.class, () -> new PayloadCipher(new byte[7]));
        assertTrue(e.getMessage().contains("16, 24 or 32"), e.getMessage());
    }

    @Test
    void keyFileWinsOverEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, Base64.getEncoder().encodeToString(KEY) + "\n");
        byte[] key = EncryptionKeys.resolve(new EncryptionConfig("K", file), Map.of("K", "ignored")::get, "auth");
        assertArrayEquals(KEY, key);
    }

    @Test
    void keyFromEnvironment() {
        String b64 = Base64.getEncoder().encodeToString(OTHER_KEY);
        assertArrayEquals(OTHER_KEY, EncryptionKeys.resolve(new EncryptionConfig("K", null), Map.of("K", b64)::get, "auth"));
    }

    @Test
    void missingKeyNamesTheVariableAndTheFileOption() {
        EncryptionException e = assertThrows(EncryptionException.class,
                () -> EncryptionKeys.resolve(new EncryptionConfig("MY_KEY", null), name -> null, "auth"));
        assertTrue(e.getMessage().contains("MY_KEY") && e.getMessage().contains("encryption.keyFile")
                && e.getMessage().contains("'auth'"), e.getMessage());
    }

    @Test
    void unreadableKeyFileAndBadBase64AreClear(@TempDir Path dir) throws Exception {
        EncryptionException missing = assertThrows(EncryptionException.class,
                () -> EncryptionKeys.resolve(new EncryptionConfig("K", dir.resolve("none")), n -> null, "auth"));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "not base64 !!");
        EncryptionException garbled = assertThrows(EncryptionException.class,
                () -> EncryptionKeys.resolve(new EncryptionConfig("K", bad), n -> null, "auth"));
        assertTrue(garbled.getMessage().contains("Base64"), garbled.getMessage());
    }
}
