package dev.primary.bench.fleet.update;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A package file for the update wave: pseudo-random bytes (so nothing on the way could compress them), written
 * once, with its SHA-256 (its address on the server).
 *
 * @param path where it is
 * @param size its length in bytes
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
public record PackageFile(Path path, long size, String sha256) {
    private static final int BLOCK = 1024 * 1024;

    public PackageFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 1) {
            throw new IllegalArgumentException("a package has at least 1 byte");
        }
    }

    /** Writes {@code size} pseudo-random bytes to {@code path}. */
    public static PackageFile create(Path path, long size) {
        MessageDigest digest = newDigest();
        SplittableRandom random = new SplittableRandom(size);
        byte[] block = new byte[BLOCK];
        try (OutputStream out = Files.newOutputStream(path)) {
            for (long written = 0; written < size; written += BLOCK) {
                int length = (int) Math.min(BLOCK, size - written);
                fill(block, length, random);
                digest.update(block, 0, length);
                out.write(block, 0, length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the package file " + path + ": " + e.getMessage(), e);
        }
        return new PackageFile(path, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static void fill(byte[] block, int length, SplittableRandom random) {
        for (int index = 0; index < length; index += 8) {
            long value = random.nextLong();
            for (int shift = 0; shift < 8 && index + shift < length; shift++) {
                block[index + shift] = (byte) (value >>> (shift * 8));
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
