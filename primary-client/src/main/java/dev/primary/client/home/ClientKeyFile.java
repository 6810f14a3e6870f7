package dev.primary.client.home;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.SigningKey;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client's own Ed25519 key ({@code client.key}, owner-only): made at first start, its key id is the client id. */
public final class ClientKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(ClientKeyFile.class);

    private ClientKeyFile() {}

    /** Reads the key, or creates it when the client has none yet. */
    public static SigningKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        SigningKey key = Ed25519.generate();
        try {
            KeyFiles.writeSecret(file, key.encoded());
        } catch (UncheckedIOException e) {
            if (Files.exists(file)) {
                return read(file);
            }
            throw e;
        }
        LOG.info("Created the client key {}: client id {}", file, key.publicKey().keyId());
        return key;
    }

    private static SigningKey read(Path file) {
        try {
            return KeyFiles.readSigningKey(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("client key " + file + " is not an Ed25519 key: " + e.getMessage(), e);
        }
    }
}
