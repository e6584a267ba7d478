package io.sessiongrid.config;

import java.nio.file.Path;

/**
 * Where the AES key for encrypted partition types comes from. The key file wins over the environment
 * variable when both are set. The key is 16, 24 or 32 bytes, written as Base64.
 *
 * @param keyEnv  name of the environment variable holding the Base64 key
 * @param keyFile a file holding the Base64 key, or {@code null}
 */
public record EncryptionConfig(String keyEnv, Path keyFile) {
}
