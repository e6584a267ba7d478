package io.sessiongrid.session.internal;

import io.sessiongrid.config.EncryptionConfig;
import io.sessiongrid.session.EncryptionException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.function.Function;

/** Finds the AES key that {@link EncryptionConfig} names: the key file first, then the environment variable. */
public final class EncryptionKeys {
    private EncryptionKeys() {
    }

    /**
     * @param env           looks up environment variables ({@code System::getenv} in production)
     * @param encryptedType a type that needs the key, named in the error when none is found
     */
    public static byte[] resolve(EncryptionConfig config, Function<String, String> env, String encryptedType) {
        String base64;
        String from;
        if (config.keyFile() != null) {
            from = "key file " + config.keyFile();
            try {
                base64 = Files.readString(config.keyFile(), StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new EncryptionException("partition type '" + encryptedType + "' is encrypted but the "
                        + from + " cannot be read (" + e + "); it must hold a Base64 AES key of 16, 24 or 32 bytes", e);
            }
        } else {
            from = "environment variable " + config.keyEnv();
            base64 = env.apply(config.keyEnv());
            if (base64 == null || base64.isBlank()) {
                throw new EncryptionException("partition type '" + encryptedType + "' is encrypted but no key is set: "
                        + "put a Base64 AES key of 16, 24 or 32 bytes in the " + from
                        + ", or name a file holding it in encryption.keyFile");
            }
            base64 = base64.strip();
        }
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            new PayloadCipher(key); // checks the length with a clear message
            return key;
        } catch (IllegalArgumentException e) {
            throw new EncryptionException("the " + from + " does not hold valid Base64: " + e.getMessage(), e);
        }
    }
}
