package dev.primary.licensetool;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes signed documents (license and unlock files) as pretty JSON, atomically. */
final class DocumentFiles {
    private DocumentFiles() {}

    static SignedDocument read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LicenseToolException("no such file: " + file);
        } catch (IOException e) {
            throw new LicenseToolException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Json.read(bytes, SignedDocument.class);
        } catch (MalformedJsonException e) {
            throw new LicenseToolException(file + " is not a signed Primary document: " + e.getMessage(), e);
        }
    }

    /** Writes {@code document} to {@code file}; refuses an existing file unless {@code overwrite}. */
    static void write(Path file, SignedDocument document, boolean overwrite) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target) && !overwrite) {
            throw new LicenseToolException(file + " already exists: refusing to overwrite it (use --force to replace it)");
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".document", ".tmp");
            try {
                Files.writeString(temp, Json.writePretty(document) + "\n", StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new LicenseToolException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
