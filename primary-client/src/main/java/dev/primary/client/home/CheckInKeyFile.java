package dev.primary.client.home;

import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.message.CheckInKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in key the server handed out ({@code check-in-key} in the client's home, owner-only, one line
 * {@code <version> <base64url key>}), with which the client authenticates its check-ins instead of signing them.
 * Absent until a licensed answer brings one; dropped when the server asks for a signature again. A damaged file
 * counts as no key (the client signs and gets a new one).
 */
public final class CheckInKeyFile {
    /** Its name in the client's home. */
    public static final String FILE_NAME = "check-in-key";
    private static final Logger LOG = LoggerFactory.getLogger(CheckInKeyFile.class);

    private final Path file;
    private volatile CheckInKey key;

    private CheckInKeyFile(Path file, CheckInKey key) {
        this.file = file;
        this.key = key;
    }

    /** The key kept in {@code file}, if any. */
    public static CheckInKeyFile at(Path file) {
        return new CheckInKeyFile(file, read(file));
    }

    public Optional<CheckInKey> current() {
        return Optional.ofNullable(key);
    }

    /** Keeps {@code received} (on disk first), replacing the one held. */
    public synchronized void keep(CheckInKey received) {
        if (received.equals(key)) {
            return;
        }
        write(received.version() + " " + received.key() + "\n");
        key = received;
        LOG.info("Received check-in key version {}: check-ins are now authenticated with it", received.version());
    }

    /** Forgets the key (the server no longer takes it); the next check-in is signed. */
    public synchronized void drop() {
        key = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the check-in key " + file, e);
        }
    }

    private static CheckInKey read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ", -1);
            if (parts.length == 2 && parts[0].matches("[1-9]\\d{0,8}")) {
                return new CheckInKey(Integer.parseInt(parts[0]), parts[1]);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} cannot be read ({}): check-ins are signed until the server hands out a new key", file,
                    e.getMessage());
            return null;
        }
        LOG.warn("{} is not '<version> <key>': check-ins are signed until the server hands out a new key", file);
        return null;
    }

    private void write(String text) {
        try {
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".check-in-key", ".tmp");
            try {
                KeyFiles.restrictToOwner(temp);
                Files.writeString(temp, text, StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the check-in key " + file, e);
        }
    }
}
