package dev.primary.client.home;

import dev.primary.client.service.ClientStatus;
import dev.primary.client.service.StatusStore;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** {@code state.json}: the client's {@link ClientStatus}, replaced atomically on every change. */
public final class StateFile implements StatusStore {
    private final Path file;

    public StateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Optional<ClientStatus> load() {
        return loadDocument().map(StateDocument::toStatus);
    }

    /** The file's content as written, for {@code status --json}. */
    public Optional<StateDocument> loadDocument() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            StateDocument document = Json.read(bytes, StateDocument.class);
            document.toStatus();
            return Optional.of(document);
        } catch (MalformedJsonException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a client state file: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(ClientStatus status) {
        String json = Json.writePretty(StateDocument.of(status)) + "\n";
        AtomicWrite.replace(file, json.getBytes(StandardCharsets.UTF_8));
    }
}
