package dev.primary.client.config;

import dev.primary.client.home.AtomicWrite;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes {@code <home>/client.json} ({@link ClientConfiguration}): pretty JSON, written
 * atomically (a reader, such as a running Client Service, sees the old or the new file, never a mix) and readable by
 * its owner only (rw-------), since it holds the enrollment token.
 */
public final class ClientConfigurationFile {
    private final Path path;

    public ClientConfigurationFile(Path path) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
    }

    /** The configuration file of the client installed in {@code home}. */
    public static ClientConfigurationFile in(Path home) {
        return new ClientConfigurationFile(home.resolve(ClientConfiguration.FILE_NAME));
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /**
     * Reads and validates the configuration.
     *
     * @throws ClientConfigurationException when the file is missing, unreadable or not a valid configuration
     */
    public ClientConfiguration read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ClientConfigurationException("no client configuration at " + path);
        } catch (IOException e) {
            throw new ClientConfigurationException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return Json.read(bytes, ClientConfiguration.class);
        } catch (MalformedJsonException e) {
            throw new ClientConfigurationException(path + " is not a valid client configuration: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code configuration} atomically (creating the directory if needed), replacing the file; owner-only.
     *
     * @throws java.io.UncheckedIOException when it cannot be written
     */
    public void write(ClientConfiguration configuration) {
        String json = Json.writePretty(Objects.requireNonNull(configuration, "configuration")) + "\n";
        AtomicWrite.replaceOwnerOnly(path, json.getBytes(StandardCharsets.UTF_8));
    }
}
