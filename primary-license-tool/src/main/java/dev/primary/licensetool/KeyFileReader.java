package dev.primary.licensetool;

import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SigningKey;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads key files (vendor key, release key) with errors that name the file, what it should hold and
 * what is wrong with it.
 */
final class KeyFileReader {
    static final String VENDOR_KEY = "vendor key";
    static final String RELEASE_KEY = "release key";

    private KeyFileReader() {}

    /** @param what {@link #VENDOR_KEY} or {@link #RELEASE_KEY}, for messages */
    static SigningKey readSigningKey(Path file, String what) {
        requireFile(file);
        try {
            return KeyFiles.readSigningKey(file);
        } catch (UncheckedIOException e) {
            throw new LicenseToolException("cannot read " + what + " " + file + ": " + e.getCause().getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LicenseToolException(file + " is not a " + what + " (" + e.getMessage() + ")", e);
        }
    }

    /** @param what what the public key is, for messages ({@code public key}) */
    static PublicKey readPublicKey(Path file, String what) {
        requireFile(file);
        try {
            return KeyFiles.readPublicKey(file);
        } catch (UncheckedIOException e) {
            throw new LicenseToolException("cannot read " + what + " " + file + ": " + e.getCause().getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LicenseToolException(file + " is not a " + what + " (" + e.getMessage() + ")", e);
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LicenseToolException("no such key file: " + file);
        }
    }
}
