package dev.primary.client.home;

import dev.primary.client.service.LeaseRejectedException;
import dev.primary.client.service.LeaseStore;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** {@code lease.json}: the signed lease as the server sent it (a {@link SignedDocument}). */
public final class LeaseFile implements LeaseStore {
    private final Path file;

    public LeaseFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Optional<SignedDocument> load() throws LeaseRejectedException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(Json.read(bytes, SignedDocument.class));
        } catch (MalformedJsonException e) {
            throw new LeaseRejectedException(file.getFileName() + " is not a signed document: " + e.getMessage());
        }
    }

    @Override
    public void save(SignedDocument lease) {
        AtomicWrite.replace(file, pretty(lease));
    }

    @Override
    public Path keepAside(SignedDocument document, String suffix) {
        Path aside = asidePath(suffix);
        AtomicWrite.replace(aside, pretty(document));
        return aside;
    }

    @Override
    public Optional<Path> moveAside(String suffix) {
        Path aside = asidePath(suffix);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(aside);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " aside to " + aside + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private Path asidePath(String suffix) {
        return file.resolveSibling(file.getFileName() + "." + suffix);
    }

    private static byte[] pretty(SignedDocument document) {
        return (Json.writePretty(document) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
