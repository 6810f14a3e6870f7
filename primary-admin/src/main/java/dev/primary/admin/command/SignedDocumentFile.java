package dev.primary.admin.command;

import dev.primary.admin.AdminCommandException;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a license or unlock file from the vendor, checking locally that it is the kind expected. */
final class SignedDocumentFile {
    private SignedDocumentFile() {}

    static SignedDocument read(Path file, String expectedKind, String hintForOtherKind) {
        SignedDocument document;
        try {
            document = Json.read(Files.readAllBytes(file), SignedDocument.class);
        } catch (NoSuchFileException e) {
            throw new AdminCommandException("no such file: " + file);
        } catch (IOException e) {
            throw new AdminCommandException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (MalformedJsonException e) {
            throw new AdminCommandException(file + " is not a " + expectedKind + " file from the vendor: " + e.getMessage(), e);
        }
        if (!document.kind().equals(expectedKind)) {
            throw new AdminCommandException(file + " is a " + document.kind() + " file, not a " + expectedKind + " file"
                    + hintForOtherKind);
        }
        return document;
    }
}
