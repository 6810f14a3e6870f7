package dev.primary.server.identity;

import dev.primary.server.store.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of the server's data directory: one place that knows which file is where. The server
 * creates the directory and its folders {@code 0700} and every file in it {@code 0600}; a data directory
 * found open to other users is warned about at start.
 * <pre>
 * installation-id            this installation's id (the server id)
 * admin-token                bearer token of the admin API (0600)
 * admin-endpoint             written at each start: admin URL and TLS pin, for primary-admin
 * server.properties          optional settings
 * primary.db                 the SQLite store
 * keys/server-signing.key    Ed25519 lease-signing key (0600)
 * keys/server-signing.pub    its public half
 * keys/tls.key, keys/tls.crt the self-made TLS key (0600) and certificate
 * keys/tls-session-ticket-keys keys of TLS session tickets (0600), so sessions resume across restarts
 * keys/tls-session-ticket-secret on PostgreSQL only: the secret every server of a fleet derives its ticket keys
 *                            from (0600), so a session resumes on any of them
 * trusted-vendors/*.pub      vendor keys whose license files this server accepts
 * trusted-release-keys/*.pub release keys whose release and content manifests this server accepts
 * packages/ab/abcd...        release and content packages, by SHA-256
 * </pre>
 */
public final class DataDirectory {
    /** The embedded store's database file, inside the data directory. */
    public static final String DATABASE_FILE_NAME = "primary.db";
    /** The package store's folder, inside the data directory. */
    public static final String PACKAGES_DIRECTORY_NAME = "packages";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /**
     * Opens {@code root}, creating it and its {@code keys/}, {@code trusted-vendors/} and
     * {@code trusted-release-keys/} folders (owner-only) if missing.
     */
    public static DataDirectory prepare(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IdentityException("data-dir " + absolute + " is not a directory");
        }
        DataDirectory directory = new DataDirectory(absolute);
        warnIfOpenToOthers(absolute);
        createOwnerOnly(absolute);
        createOwnerOnly(directory.keysDirectory());
        createOwnerOnly(directory.trustedVendorsDirectory());
        createOwnerOnly(directory.trustedReleaseKeysDirectory());
        return directory;
    }

    public Path root() {
        return root;
    }

    public Path installationIdFile() {
        return root.resolve("installation-id");
    }

    public Path adminTokenFile() {
        return root.resolve("admin-token");
    }

    public Path adminEndpointFile() {
        return root.resolve("admin-endpoint");
    }

    public Path databaseFile() {
        return root.resolve(DATABASE_FILE_NAME);
    }

    public Path keysDirectory() {
        return root.resolve("keys");
    }

    public Path signingKeyFile() {
        return keysDirectory().resolve("server-signing.key");
    }

    public Path signingPublicKeyFile() {
        return keysDirectory().resolve("server-signing.pub");
    }

    public Path tlsKeyFile() {
        return keysDirectory().resolve("tls.key");
    }

    public Path sessionTicketSecretFile() {
        return keysDirectory().resolve("tls-session-ticket-secret");
    }

    public Path sessionTicketKeysFile() {
        return keysDirectory().resolve("tls-session-ticket-keys");
    }

    public Path tlsCertificateFile() {
        return keysDirectory().resolve("tls.crt");
    }

    public Path trustedVendorsDirectory() {
        return root.resolve("trusted-vendors");
    }

    public Path trustedReleaseKeysDirectory() {
        return root.resolve("trusted-release-keys");
    }

    /** Where the package store keeps release and content packages. */
    public Path packagesDirectory() {
        return root.resolve(PACKAGES_DIRECTORY_NAME);
    }

    /**
     * The files of an installation that clients depend on, those that exist: installation id, signing key
     * and its public half, self-made TLS key and certificate, and the store if it holds anything. None
     * means a first start; any means an existing installation, which must be complete.
     */
    public List<Path> installationTraces() {
        List<Path> traces = new ArrayList<>();
        for (Path file : List.of(installationIdFile(), signingKeyFile(), signingPublicKeyFile(), tlsKeyFile(),
                tlsCertificateFile())) {
            if (Files.exists(file)) {
                traces.add(file);
            }
        }
        if (sizeOf(databaseFile()) > 0) {
            traces.add(databaseFile());
        }
        return traces;
    }

    /** Whether anything of an installation is here (see {@link #installationTraces()}). */
    public boolean holdsAnInstallation() {
        return !installationTraces().isEmpty();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** An existing data directory that others may list or enter: one WARN with the fix. Its files stay owner-only. */
    private static void warnIfOpenToOthers(Path directory) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
            if (OwnerOnlyFiles.openToOthers(permissions)) {
                LOG.warn("{} - the data directory is open to other users ({}); the server keeps its files "
                        + "owner-only, but make the directory private too: chmod 700 {}", directory,
                        PosixFilePermissions.toString(permissions), directory);
            }
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            // created owner-only below, or not a POSIX file system
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void createOwnerOnly(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory inherits its parent's ACL.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
