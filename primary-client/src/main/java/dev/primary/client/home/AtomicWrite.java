package dev.primary.client.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's content all at once: written to a temporary file beside it, synced, then renamed
 * over it. Files are readable by all (rw-r--r--):
 * nothing written this way is a secret (the client key is written by {@code KeyFiles}).
 */
public final class AtomicWrite {
    private AtomicWrite() {}

    /** Replaces {@code file} with {@code content}; readers see the old or the new content, never a mix. */
    public static void replace(Path file, byte[] content) {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            try {
                readableByAll(temp);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** rw-r--r--: a temporary file starts owner-only, but these files hold no secret and {@code status} may run as another user. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's ACL applies.
        }
    }
}
