package io.sessiongrid.session.internal;

import io.sessiongrid.config.EncryptionConfig;
import io.sessiongrid.session.EncryptionException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.function.Function;

/** Finds the keyset or key that {@link EncryptionConfig} names: the key file first, then the environment variable. */
public final class EncryptionKeys {
    private EncryptionKeys() {
    }

    /**
     * The cipher for what the configuration names: a Tink JSON keyset (text starting with <code>{</code>; see
     * {@code EncryptionKeysets}), or a single Base64 AES key.
     *
     * @param env           looks up environment variables ({@code System::getenv} in production)
     * @param encryptedType a type that needs the key, named in the error when none is found
     */
    public static PayloadCipher cipher(EncryptionConfig config, Function<String, String> env, String encryptedType) {
        String[] material = material(config, env, encryptedType);
        if (material[0].startsWith("{")) {
            return new PayloadCipher(Keysets.parse(material[0]));
        }
        return new PayloadCipher(decode(material[0], material[1]));
    }

    /** The single Base64 AES key the configuration names (16, 24 or 32 bytes). */
    public static byte[] resolve(EncryptionConfig config, Function<String, String> env, String encryptedType) {
        String[] material = material(config, env, encryptedType);
        return decode(material[0], material[1]);
    }

    /** {text, where it came from}. */
    private static String[] material(EncryptionConfig config, Function<String, String> env, String encryptedType) {
        String text;
        String from;
        if (config.keyFile() != null) {
            from = "key file " + config.keyFile();
            try {
                text = Files.readString(config.keyFile(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new EncryptionException("partition type '" + encryptedType + "' is encrypted but the "
                        + from + " cannot be read (" + e + "); it must hold a Tink JSON keyset or a Base64 AES key of "
                        + "16, 24 or 32 bytes", e);
            }
        } else {
            from = "environment variable " + config.keyEnv();
            text = env.apply(config.keyEnv());
            if (text == null || text.isBlank()) {
                throw new EncryptionException("partition type '" + encryptedType + "' is encrypted but no key is set: "
                        + "put a Tink JSON keyset (EncryptionKeysets.create()) or a Base64 AES key of 16, 24 or 32 "
                        + "bytes in the " + from + ", or name a file holding it in encryption.keyFile");
            }
            text = text.strip();
        }
        return new String[] {text, from};
    }

    private static byte[] decode(String base64, String from) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new EncryptionException("the " + from + " does not hold valid Base64: " + e.getMessage(), e);
        }
        new PayloadCipher(key); // checks the length with a clear message
        return key;
    }
}
