package dev.primary.server.identity;

import dev.primary.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * The contents of {@code <data-dir>/admin-endpoint}, written at every start: how {@code primary-admin
 * --data-dir DIR} reaches this server's admin API and which TLS key to pin. Holds no secret.
 *
 * @param url e.g. {@code https://127.0.0.1:16771}
 * @param tlsPin the admin port's TLS key pin, {@code sha256/...}
 */
public record AdminEndpoint(String url, String tlsPin) {
    public AdminEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(tlsPin, "tlsPin");
    }

    /** Writes this endpoint to {@code file}, replacing it atomically. */
    public void writeTo(Path file) {
        try {
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".admin-endpoint", ".tmp");
            try {
                Files.writeString(temp, Json.writePretty(this) + "\n");
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static AdminEndpoint readFrom(Path file) {
        try {
            return Json.read(Files.readAllBytes(file), AdminEndpoint.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
