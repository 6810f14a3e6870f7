package dev.primary.protocol.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests. */
public final class Sha256 {
    private static final int FILE_BUFFER_BYTES = 64 * 1024;
    /** One digest per thread for {@link #of}: every signed or MAC'd request hashes its body. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::digest);

    private Sha256() {}

    public static byte[] of(byte[] bytes) {
        return DIGESTS.get().digest(bytes);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }

    /**
     * The size and SHA-256 of {@code file}, streamed through a 64 KiB buffer: a file of any size is never held
     * in memory.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws IOException if it cannot be read (a directory, for one)
     */
    public static FileDigest ofFile(Path file) throws IOException {
        MessageDigest digest = digest();
        long size = 0;
        byte[] buffer = new byte[FILE_BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
                size += read;
            }
        }
        return new FileDigest(size, HexFormat.of().formatHex(digest.digest()));
    }

    /** The lower-case hex SHA-256 of {@code file}, streamed as {@link #ofFile(Path)} does. */
    public static String hexOf(Path file) throws IOException {
        return ofFile(file).sha256();
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * A file's size and SHA-256.
     *
     * @param size bytes read
     * @param sha256 lower-case hex SHA-256
     */
    public record FileDigest(long size, String sha256) {
        public FileDigest {
            if (size < 0) {
                throw new IllegalArgumentException("size must be at least 0, not " + size);
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, not " + sha256);
            }
        }
    }
}
