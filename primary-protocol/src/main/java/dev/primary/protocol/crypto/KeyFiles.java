package dev.primary.protocol.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes key files: one line of base64url text. Private keys and other secrets are
 * written with owner-only permissions (0600), atomically, and never over an existing file.
 */
public final class KeyFiles {
    private KeyFiles() {}

    public static SigningKey readSigningKey(Path file) {
        return SigningKey.decode(readText(file));
    }

    public static PublicKey readPublicKey(Path file) {
        return PublicKey.decode(readText(file));
    }

    /** Writes a secret (private key, token) readable by its owner only; fails if the file exists. */
    public static void writeSecret(Path file, String text) {
        write(file, text, true);
    }

    /** Writes a public value (public key); fails if the file exists. */
    public static void writePublic(Path file, String text) {
        write(file, text, false);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }

    private static void write(Path file, String text, boolean secret) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite a key file");
            }
            Path temp = Files.createTempFile(parent, ".key", ".tmp");
            try {
                if (secret) {
                    restrictToOwner(temp);
                }
                Files.writeString(temp, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.SYNC);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Sets owner-only read/write permissions where the file system supports POSIX permissions. */
    public static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data directory's ACL protects it.
        }
    }
}
