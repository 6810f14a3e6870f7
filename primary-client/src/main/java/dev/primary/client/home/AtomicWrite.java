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
 * over it. Files are readable by all (rw-r--r--) unless they hold a secret ({@link #replaceOwnerOnly}, rw-------;
 * the client key is written by {@code KeyFiles}). Either way only the owner may write them.
 */
public final class AtomicWrite {
    private static final String READABLE_BY_ALL = "rw-r--r--";
    private static final String OWNER_ONLY = "rw-------";

    private AtomicWrite() {}

    /** Replaces {@code file} with {@code content}; readers see the old or the new content, never a mix. */
    public static void replace(Path file, byte[] content) {
        replace(file, content, READABLE_BY_ALL);
    }

    /** As {@link #replace}, for a file that holds a secret: readable and writable by its owner only. */
    public static void replaceOwnerOnly(Path file, byte[] content) {
        replace(file, content, OWNER_ONLY);
    }

    private static void replace(Path file, byte[] content, String permissions) {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            try {
                setPermissions(temp, permissions);
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

    /**
     * A temporary file starts owner-only; a file without a secret is made readable by all, so that {@code status} may
     * run as another user.
     */
    private static void setPermissions(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's ACL applies.
        }
    }
}
