package dev.primary.server.store.files;

import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.release.PackageRejectedException;
import dev.primary.server.release.PackageStore;
import dev.primary.server.store.StoreFullException;
import dev.primary.server.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packages as files, addressed by their SHA-256: {@code <directory>/<first 2 hex>/<sha256>}. An
 * upload streams into a temporary file in the same directory (so the final move is an atomic
 * rename on the same file system), its digest computed and its size enforced as it arrives; only
 * a package whose size and digest are what was announced is moved into place. Directories are
 * {@code 0700}, files {@code 0600} (where the file system has POSIX permissions). Temporary files
 * left by a crash are removed when the store opens.
 */
public final class FilePackageStore implements PackageStore {
    private static final Logger LOG = LoggerFactory.getLogger(FilePackageStore.class);
    static final String TEMPORARY_PREFIX = ".upload-";
    static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final boolean posix;

    private FilePackageStore(Path directory, boolean posix) {
        this.directory = directory;
        this.posix = posix;
    }

    /** Opens (creating it if needed) the package store in {@code directory}, and removes uploads a crash left behind. */
    public static FilePackageStore open(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Path parent = Files.createDirectories(absolute.getParent());
            boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
            FilePackageStore store = new FilePackageStore(absolute, posix);
            store.createDirectory(absolute);
            store.removeLeftovers();
            return store;
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot open the package store " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** Where the store keeps its packages. */
    public Path directory() {
        return directory;
    }

    @Override
    public Upload begin(String sha256, long size) {
        requireSha256(sha256);
        if (size < 0) {
            throw new PackageRejectedException("a package size cannot be negative, got " + size);
        }
        if (contains(sha256)) {
            return new FileUpload(this, sha256, size, null, null);
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, TEMPORARY_PREFIX, ".part", fileAttributes());
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
            return new FileUpload(this, sha256, size, temporary, channel);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw failure("cannot start storing package " + sha256 + " in " + directory, e);
        }
    }

    @Override
    public Optional<StoredPackage> open(String sha256) {
        if (!isSha256(sha256)) {
            return Optional.empty();
        }
        Path file = pathOf(sha256);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                return Optional.of(new StoredPackage(sha256, channel.size(), channel));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot open package " + sha256 + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return isSha256(sha256) && Files.isRegularFile(pathOf(sha256));
    }

    /** {@code <directory>/<first 2 hex>/<sha256>}. */
    Path pathOf(String sha256) {
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Moves a verified upload into place; if the same package got there first, the upload is dropped. */
    void place(Path temporary, String sha256) throws IOException {
        Path target = pathOf(sha256);
        createDirectory(target.getParent());
        if (Files.isRegularFile(target)) {
            Files.delete(temporary);
            return;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        LOG.info("package {} stored ({} bytes)", sha256, Files.size(target));
    }

    private void createDirectory(Path path) throws IOException {
        try {
            Files.createDirectory(path, directoryAttributes());
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(path)) {
                throw e;
            }
        }
    }

    /** Makes the rename durable where the platform can sync a directory (Linux can; elsewhere it is skipped). */
    private static void syncDirectory(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("cannot sync directory {} on this platform: {}", path, e.getMessage());
        }
    }

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, TEMPORARY_PREFIX + "*")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                LOG.info("package store - removed {}, an upload interrupted by a stop", leftover.getFileName());
            }
        }
    }

    private FileAttribute<?>[] directoryAttributes() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS)}
                : new FileAttribute<?>[0];
    }

    private FileAttribute<?>[] fileAttributes() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)}
                : new FileAttribute<?>[0];
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("{} - cannot delete an unfinished upload ({}); it is removed at the next start", file,
                    e.getMessage());
        }
    }

    /**
     * A write that failed: {@link StoreFullException} when the disk is full (nothing of the upload is kept; the
     * upload can be repeated once space is freed), else {@link StoreUnavailableException}.
     */
    static RuntimeException failure(String what, IOException e) {
        return StoreFullException.isDiskFull(e)
                ? new StoreFullException(what + ": the disk is full (" + e.getMessage() + "); nothing was kept", e)
                : new StoreUnavailableException(what + ": " + e.getMessage(), e);
    }

    private static boolean isSha256(String sha256) {
        try {
            ReleaseManifest.requireSha256(sha256);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireSha256(String sha256) {
        if (!isSha256(sha256)) {
            throw new PackageRejectedException("a package is addressed by its SHA-256, 64 lower-case hex digits; got \""
                    + sha256 + "\"");
        }
    }
}
