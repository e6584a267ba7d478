package io.sessiongrid.session.internal;

import io.sessiongrid.config.EncryptionConfig;
import io.sessiongrid.session.EncryptionException;
import io.sessiongrid.session.EncryptionKeysets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aKeysetSealsWithItsPrimaryAndOpensWithEveryKey() {
        String first = EncryptionKeysets.create();
        byte[] old = new PayloadCipher(Keysets.parse(first)).seal("s1", "auth", "old");
        String rotated = EncryptionKeysets.addKey(first, true);
        PayloadCipher cipher = new PayloadCipher(Keysets.parse(rotated));
        byte[] fresh = cipher.seal("s1", "auth", "new");

        assertEquals("old", cipher.open("s1", "auth", old));
        assertEquals("new", cipher.open("s1", "auth", fresh));
        assertFalse(cipher.isCurrent(old));
        assertTrue(cipher.isCurrent(fresh));
        long firstId = EncryptionKeysets.keys(first).get(0).id();
        long primaryId = EncryptionKeysets.keys(rotated).stream().filter(EncryptionKeysets.KeyInfo::primary)
                .findFirst().orElseThrow().id();
        assertEquals(2, fresh[0], "format 2: keyset");
        assertEquals(primaryId, Integer.toUnsignedLong(ByteBuffer.wrap(fresh, 2, 4).getInt()), "names its key");

        PayloadCipher dropped = new PayloadCipher(Keysets.parse(EncryptionKeysets.drop(rotated, firstId)));
        assertEquals("new", dropped.open("s1", "auth", fresh));
        EncryptionException e = assertThrows(EncryptionException.class, () -> dropped.open("s1", "auth", old));
        assertTrue(e.getMessage().contains("sealed with key id " + firstId + ", which is not in the configured keyset"),
                e.getMessage());
    }

    @Test
    void theSingleKeyFormatStaysReadableThroughAKeysetHoldingThatKey() {
        byte[] legacy = new PayloadCipher(KEY).seal("s1", "auth", "before keysets");
        assertEquals(1, legacy[0], "format 1: a single Base64 key");
        String keyset = EncryptionKeysets.addKey(EncryptionKeysets.importKey(null, KEY, true), true);
        PayloadCipher cipher = new PayloadCipher(Keysets.parse(keyset));
        assertEquals("before keysets", cipher.open("s1", "auth", legacy));
        assertFalse(cipher.isCurrent(legacy));
    }

    @Test
    void theKeysetToolRefusesWhatWouldLoseData() {
        String keyset = EncryptionKeysets.create();
        long only = EncryptionKeysets.keys(keyset).get(0).id();
        EncryptionException primary = assertThrows(EncryptionException.class,
                () -> EncryptionKeysets.drop(keyset, only));
        assertTrue(primary.getMessage().contains("is the primary key"), primary.getMessage());
        EncryptionException unknown = assertThrows(EncryptionException.class,
                () -> EncryptionKeysets.promote(keyset, only + 1));
        assertTrue(unknown.getMessage().contains("is not in the keyset"), unknown.getMessage());
        String two = EncryptionKeysets.addKey(keyset, false);
        assertEquals(List.of(true, false), EncryptionKeysets.keys(two).stream().map(EncryptionKeysets.KeyInfo::primary)
                .toList(), "a key added as non-primary does not seal yet");
    }
}
