package dev.primary.deployment;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.home.StrictModes;
import dev.primary.client.home.UnsafeHomeException;
import dev.primary.protocol.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A client's install directory, where the Deployment Utility writes {@code client.json}: the directory owner-only
 * (0700) when it makes it, the file owner-only (0600, it holds the enrollment token), so that what it writes passes
 * the Client Service's strict modes.
 */
final class InstallDirectory {
    private final Path directory;

    InstallDirectory(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    Path path() {
        return directory;
    }

    Path configurationFile() {
        return directory.resolve(ClientConfiguration.FILE_NAME);
    }

    /**
     * Fails unless a configuration may be written here: not a file, no client.json unless replacing it, and neither the
     * directory (if it exists) nor one above it changeable by others, which the Client Service would refuse.
     */
    void requireWritable(boolean replace) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new DeploymentException(directory + " is a file, not a directory");
        }
        if (Files.exists(configurationFile()) && !replace) {
            throw new DeploymentException(configurationFile() + " already exists: this directory already holds a client "
                    + "(use --force to replace its configuration, or choose another --out)");
        }
        try {
            StrictModes.forThisProcess().checkExistingPart(directory);
        } catch (UnsafeHomeException e) {
            throw new DeploymentException(e.getMessage() + " (the Client Service would refuse to start on this home)", e);
        }
    }

    /** Creates the directory (owner-only, 0700) if needed and writes {@code configuration} atomically. */
    Path write(ClientConfiguration configuration) {
        try {
            createDirectory();
            Path temp = Files.createTempFile(directory, ".client", ".json.tmp");
            try {
                ownerOnly(temp);
                Files.writeString(temp, Json.writePretty(configuration) + "\n", StandardCharsets.UTF_8);
                Files.move(temp, configurationFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return configurationFile();
        } catch (IOException e) {
            throw new DeploymentException("cannot write " + configurationFile() + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX (Windows): the directory's ACL applies.
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(directory); // not POSIX (Windows): the parent's ACL applies
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by someone else: use it
        }
    }
}
