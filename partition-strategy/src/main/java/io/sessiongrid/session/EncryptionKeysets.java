package io.sessiongrid.session;

import com.google.crypto.tink.KeysetHandle;
import io.sessiongrid.session.internal.Keysets;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * Encryption keysets for encrypted partition types, as Google Tink cleartext JSON (put one in
 * {@code encryption.keyFile} or the variable {@code encryption.keyEnv} names, instead of a single Base64 key). The
 * keyset's primary key seals every write, any of its keys opens, and each payload names the id of the key that
 * sealed it. New keys are XChaCha20-Poly1305 (192-bit random nonces: no practical limit on encryptions per key,
 * unlike AES-GCM's 2^32).
 *
 * <p>Rotating a key, with every process that reads or writes encrypted types (members never need keys):
 * <ol>
 *   <li>{@link #addKey}{@code (keyset, false)} and deploy: every reader can open the new key's payloads;</li>
 *   <li>{@link #promote} it and deploy: writes seal with it;</li>
 *   <li>{@link SessionStore#reseal} each encrypted type: payloads sealed with older keys are sealed again;</li>
 *   <li>{@link #drop} the old key and deploy. A payload still sealed with it fails with an
 *       {@link EncryptionException} naming its key id.</li>
 * </ol>
 * Where every process is restarted at once, steps 1 and 2 are one: {@code addKey(keyset, true)}.
 *
 * <p>All methods take and return keysets as JSON text and never change their input. They throw
 * {@link EncryptionException} for a malformed keyset or an unknown key id.
 */
public final class EncryptionKeysets {
    /** Tink's parameters name for new keys. */
    public static final String NEW_KEY = "XCHACHA20_POLY1305";

    static {
        Keysets.register();
    }

    private EncryptionKeysets() {
    }

    /** A key of a keyset: its id (unsigned, as Tink prints it), whether it seals, and its Tink parameters. */
    public record KeyInfo(long id, boolean primary, String parameters) {
    }

    /** A new keyset with one key, primary. */
    public static String create() {
        return build(KeysetHandle.newBuilder(), true);
    }

    /** {@code keyset} with a new key added; {@code primary}: it seals from now on. */
    public static String addKey(String keyset, boolean primary) {
        return build(KeysetHandle.newBuilder(Keysets.parse(keyset)), primary);
    }

    /**
     * {@code keyset} (or a new keyset when it is {@code null}) with a single AES key of 16, 24 or 32 bytes added:
     * the Base64 key SessionGrid used before keysets, so that payloads written with it (format 1) stay readable.
     */
    public static String importKey(String keyset, byte[] aesKey, boolean primary) {
        KeysetHandle.Builder b = keyset == null ? KeysetHandle.newBuilder()
                : KeysetHandle.newBuilder(Keysets.parse(keyset));
        KeysetHandle.Builder.Entry entry = Keysets.legacyEntry(aesKey);
        if (primary || b.size() == 0) {
            entry.makePrimary();
        }
        return done(b.addEntry(entry));
    }

    /** {@code keyset} with key {@code id} as the primary one. */
    public static String promote(String keyset, long id) {
        KeysetHandle h = Keysets.parse(keyset);
        KeysetHandle.Builder b = KeysetHandle.newBuilder(h);
        b.getAt(index(h, id)).makePrimary();
        return done(b);
    }

    /** {@code keyset} without key {@code id}; refused for the primary key (promote another one first). */
    public static String drop(String keyset, long id) {
        KeysetHandle h = Keysets.parse(keyset);
        KeysetHandle.Builder b = KeysetHandle.newBuilder(h);
        int at = index(h, id);
        if (b.getAt(at).isPrimary()) {
            throw new EncryptionException("key id " + id + " is the primary key: promote another key before dropping it");
        }
        b.deleteAt(at);
        return done(b);
    }

    /** The keys of {@code keyset}. */
    public static List<KeyInfo> keys(String keyset) {
        KeysetHandle h = Keysets.parse(keyset);
        List<KeyInfo> keys = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            KeysetHandle.Entry e = h.getAt(i);
            keys.add(new KeyInfo(Integer.toUnsignedLong(e.getId()), e.isPrimary(),
                    e.getKey().getParameters().toString()));
        }
        return keys;
    }

    private static int index(KeysetHandle h, long id) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            long at = Integer.toUnsignedLong(h.getAt(i).getId());
            if (at == id) {
                return i;
            }
            ids.add(at);
        }
        throw new EncryptionException("key id " + id + " is not in the keyset; its key ids: " + ids);
    }

    private static String build(KeysetHandle.Builder b, boolean primary) {
        try {
            KeysetHandle.Builder.Entry entry = KeysetHandle.generateEntryFromParametersName(NEW_KEY).withRandomId();
            if (primary || b.size() == 0) {
                entry.makePrimary();
            }
            return done(b.addEntry(entry));
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("cannot create a key: " + e.getMessage(), e);
        }
    }

    private static String done(KeysetHandle.Builder b) {
        try {
            return Keysets.json(b.build());
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("cannot build the keyset: " + e.getMessage(), e);
        }
    }
}
