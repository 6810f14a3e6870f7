package dev.primary.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the server writes are its own: created {@code 0600} (directories {@code 0700}) whatever the
 * umask or the mode of the directory they are in, and tightened to that when found more open. On a
 * file system without POSIX permissions (Windows) the directory's ACL protects them and nothing is done.
 */
public final class OwnerOnlyFiles {
    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {}

    /** Creates {@code file} empty and owner-only unless it exists. */
    public static void createFile(Path file) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException e) {
            // someone's file is there; tighten() decides about its mode
        } catch (UnsupportedOperationException e) {
            createWithoutPermissions(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes an existing file owner-only if group or others have any permission on it, with one WARN
     * naming it and its old mode. A file that is absent, or one this user may not change, is left as it
     * is (the latter with a WARN saying what to run).
     *
     * @return whether the mode was changed
     */
    public static boolean tighten(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
        if (!openToOthers(permissions)) {
            return false;
        }
        try {
            Files.setPosixFilePermissions(file, FILE);
            LOG.warn("{} - was readable or writable by other users ({}); made owner-only (rw-------)", file,
                    PosixFilePermissions.toString(permissions));
            return true;
        } catch (IOException e) {
            LOG.warn("{} - other users may read or change it ({}) and this user cannot change that ({}); "
                    + "run: chmod 600 {}", file, PosixFilePermissions.toString(permissions), e.getMessage(), file);
            return false;
        }
    }

    /** Whether group or others have any permission in {@code permissions}. */
    public static boolean openToOthers(Set<PosixFilePermission> permissions) {
        return permissions.stream().anyMatch(permission -> permission.name().startsWith("GROUP")
                || permission.name().startsWith("OTHERS"));
    }

    private static void createWithoutPermissions(Path file) {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // already there
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }
}
