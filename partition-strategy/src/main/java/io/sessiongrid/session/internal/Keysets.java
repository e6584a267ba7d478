package io.sessiongrid.session.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import io.sessiongrid.session.EncryptionException;

import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Tink keyset plumbing shared by {@link PayloadCipher} and the public {@code EncryptionKeysets}. */
public final class Keysets {
    static {
        register();
    }

    private Keysets() {
    }

    /** Registers Tink's AEAD key types (idempotent); needed before keys are made or used. */
    public static void register() {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("Tink's AEAD key types cannot be registered: " + e.getMessage(), e);
        }
    }

    /** Parses a cleartext Tink JSON keyset (what {@code EncryptionKeysets} writes). */
    public static KeysetHandle parse(String json) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new EncryptionException("the encryption keyset is not a valid Tink JSON keyset: " + e.getMessage(), e);
        }
    }

    public static String json(KeysetHandle keyset) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("cannot write the keyset: " + e.getMessage(), e);
        }
    }

    public static Set<Integer> ids(KeysetHandle keyset) {
        Set<Integer> ids = new LinkedHashSet<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        return Set.copyOf(ids);
    }

    /** Key ids as Tink prints them (unsigned 32-bit). */
    public static String describe(Collection<Integer> ids) {
        return ids.stream().map(Integer::toUnsignedString).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * A single AES key as SessionGrid used it before keysets (AES-GCM, 12-byte nonce, 16-byte tag, no key id in
     * the ciphertext), as a keyset entry.
     */
    public static KeysetHandle.Builder.Entry legacyEntry(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new EncryptionException("the encryption key is " + key.length
                    + " bytes; AES-GCM needs 16, 24 or 32 bytes (Base64-encoded in the key file or variable)");
        }
        try {
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(key.length).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey aes = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build();
            return KeysetHandle.importKey(aes).withRandomId();
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("the encryption key cannot be used: " + e.getMessage(), e);
        }
    }

    /** A keyset of one single (legacy) AES key, primary. */
    public static KeysetHandle legacy(byte[] key) {
        try {
            return KeysetHandle.newBuilder().addEntry(legacyEntry(key).makePrimary()).build();
        } catch (GeneralSecurityException e) {
            throw new EncryptionException("the encryption key cannot be used: " + e.getMessage(), e);
        }
    }
}
