package io.sessiongrid.session.internal;

import io.sessiongrid.session.EncryptionException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-GCM sealing of partition payloads on the caller's side, so members and backups only ever hold
 * ciphertext. Layout: {@code [format 1][12-byte nonce][ciphertext + 16-byte tag]}. The session id and
 * partition type are bound as associated data, so a sealed payload copied under another key fails to open.
 */
public final class PayloadCipher {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public PayloadCipher(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new EncryptionException("the encryption key is " + key.length
                    + " bytes; AES-GCM needs 16, 24 or 32 bytes (Base64-encoded in the key file or variable)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public byte[] seal(String sessionId, String partition, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(sessionId, partition));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + body.length).put(FORMAT).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("cannot encrypt partition '" + partition + "': " + e.getMessage(), e);
        }
    }

    public String open(String sessionId, String partition, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new EncryptionException("partition '" + partition + "' of session '" + sessionId
                    + "' is not a sealed payload of format " + FORMAT);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(sessionId, partition));
            byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new EncryptionException("cannot decrypt partition '" + partition + "' of session '" + sessionId
                    + "': the configured key is not the one it was written with (or the payload was altered)", e);
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("cannot decrypt partition '" + partition + "' of session '" + sessionId
                    + "': " + e.getMessage(), e);
        }
    }

    private static byte[] associatedData(String sessionId, String partition) {
        return (sessionId + '\0' + partition).getBytes(StandardCharsets.UTF_8);
    }
}
