package io.sessiongrid.session.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import io.sessiongrid.session.EncryptionException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Set;

/**
 * Sealing of partition payloads on the caller's side, so members and backups only ever hold ciphertext, with a
 * Google Tink AEAD keyset: one primary key seals, every key in the set opens. The session id and partition type are
 * bound as associated data, so a sealed payload copied under another key fails to open.
 *
 * <p>Two payload formats, told apart by their first byte:
 * <ul>
 *   <li>{@code 2}: {@code [2][Tink ciphertext]}, where Tink's ciphertext starts with {@code 0x01} and the 4-byte id
 *       of the key that sealed it; written whenever the primary key is a Tink key (every keyset made by
 *       {@code EncryptionKeysets}).</li>
 *   <li>{@code 1}: {@code [1][12-byte nonce][AES-GCM ciphertext + 16-byte tag]}, no key id: what SessionGrid wrote
 *       with a single Base64 key before keysets. Still written when a single Base64 key is configured, and opened by
 *       a keyset that holds that key (imported with {@code EncryptionKeysets.importKey}).</li>
 * </ul>
 */
public final class PayloadCipher {
    private static final byte LEGACY_FORMAT = 1;
    private static final byte KEYSET_FORMAT = 2;
    private static final int LEGACY_MIN = 1 + 12 + 16;
    private static final int TINK_PREFIX = 5; // 0x01 and the key id

    private final Aead aead;
    private final Set<Integer> keyIds;
    private final int primaryId;
    private final boolean legacyPrimary;

    /** A single AES key of 16, 24 or 32 bytes: seals and opens format 1. */
    public PayloadCipher(byte[] key) {
        this(Keysets.legacy(key));
    }

    /** A keyset: its primary key seals, all of its keys open. */
    public PayloadCipher(KeysetHandle keyset) {
        this.keyIds = Keysets.ids(keyset); // first: loading Keysets registers Tink's AEAD key types
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("the encryption keyset cannot be used: " + e.getMessage(), e);
        }
        this.primaryId = keyset.getPrimary().getId();
        this.legacyPrimary = !keyset.getPrimary().getKey().getParameters().hasIdRequirement();
    }

    public byte[] seal(String sessionId, String partition, String plaintext) {
        try {
            byte[] body = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(sessionId, partition));
            return ByteBuffer.allocate(1 + body.length).put(legacyPrimary ? LEGACY_FORMAT : KEYSET_FORMAT).put(body)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("cannot encrypt partition '" + partition + "': " + e.getMessage(), e);
        }
    }

    public String open(String sessionId, String partition, byte[] sealed) {
        String what = "partition '" + partition + "' of session '" + sessionId + "'";
        boolean keyset = sealed.length > 1 + TINK_PREFIX && sealed[0] == KEYSET_FORMAT;
        if (!keyset && (sealed.length < LEGACY_MIN || sealed[0] != LEGACY_FORMAT)) {
            throw new EncryptionException(what + " is not a sealed payload of format 1 or 2");
        }
        if (keyset && !keyIds.contains(keyId(sealed))) {
            throw new EncryptionException(what + " was sealed with key id " + Integer.toUnsignedString(keyId(sealed))
                    + ", which is not in the configured keyset (key ids " + Keysets.describe(keyIds)
                    + "): it was removed before the payload was re-sealed; restore the key to read it");
        }
        try {
            byte[] plain = aead.decrypt(Arrays.copyOfRange(sealed, 1, sealed.length), associatedData(sessionId, partition));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            String why = keyset ? "key id " + Integer.toUnsignedString(keyId(sealed))
                    + " does not open it (the payload was altered or belongs to another session)"
                    : "it has format 1 (a single key, no key id) and the configured key is not the one it was "
                    + "written with (a keyset must hold that key: EncryptionKeysets.importKey), or the payload was "
                    + "altered";
            throw new EncryptionException("cannot decrypt " + what + ": " + why, e);
        }
    }

    /** Whether {@code sealed} is sealed with the primary key already (re-sealing it would change nothing). */
    public boolean isCurrent(byte[] sealed) {
        if (legacyPrimary) {
            return sealed.length > 0 && sealed[0] == LEGACY_FORMAT;
        }
        return sealed.length > 1 + TINK_PREFIX && sealed[0] == KEYSET_FORMAT && keyId(sealed) == primaryId;
    }

    private static int keyId(byte[] sealed) {
        return ByteBuffer.wrap(sealed, 2, 4).getInt();
    }

    private static byte[] associatedData(String sessionId, String partition) {
        return (sessionId + '\0' + partition).getBytes(StandardCharsets.UTF_8);
    }
}
