package dev.primary.licensetool;

import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SigningKey;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads vendor key files with errors that name the file and what is wrong with it. */
final class VendorKeys {
    private VendorKeys() {}

    static SigningKey readSigningKey(Path file) {
        requireFile(file);
        try {
            return KeyFiles.readSigningKey(file);
        } catch (UncheckedIOException e) {
            throw new LicenseToolException("cannot read vendor key " + file + ": " + e.getCause().getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LicenseToolException(file + " is not a vendor key (" + e.getMessage() + ")", e);
        }
    }

    static PublicKey readPublicKey(Path file) {
        requireFile(file);
        try {
            return KeyFiles.readPublicKey(file);
        } catch (UncheckedIOException e) {
            throw new LicenseToolException("cannot read vendor public key " + file + ": " + e.getCause().getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LicenseToolException(file + " is not a vendor public key (" + e.getMessage() + ")", e);
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LicenseToolException("no such key file: " + file);
        }
    }
}
