package dev.primary.server;

import dev.primary.server.identity.DataDirectory;
import dev.primary.server.identity.InstallationIncompleteException;
import dev.primary.server.store.sqlite.StoreFileState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before anything is written: does the embedded store {@code primary.db} fit the installation? A first
 * start (no trace of an installation) creates it. An existing installation needs its store: a missing or
 * empty (0-byte) file refuses the start, unless {@code --initialize-empty-store} says to start empty on
 * purpose. A file that is not a Primary store refuses always: it is never written into.
 */
final class EmbeddedStoreCheck {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreCheck.class);

    /** What the start does with the store. */
    enum Outcome {
        /** Open the installation's store. */
        OPEN_EXISTING,
        /** A first start: create the store. */
        CREATE_FOR_NEW_INSTALLATION,
        /** An existing installation lost its store, and the operator said to start empty on purpose. */
        CREATE_EMPTY_ON_PURPOSE
    }

    private EmbeddedStoreCheck() {}

    static Outcome check(DataDirectory directory, StartupOptions options) {
        Path file = directory.databaseFile();
        StoreFileState state = StoreFileState.of(file);
        switch (state) {
            case NOT_A_PRIMARY_STORE -> throw new InstallationIncompleteException(file + " is not a Primary store "
                    + "(another kind of file, or an SQLite database without Primary's schema history); the server "
                    + "does not write into it. Move it away and restore primary.db from a backup, or move it away and "
                    + "start once with --initialize-empty-store to start with an empty store on purpose");
            case PRIMARY_STORE -> {
                if (options.initializeEmptyStore()) {
                    throw new InstallationIncompleteException("--initialize-empty-store was given, but " + file
                            + " holds a Primary store, which the flag does not empty. Start without the flag (to "
                            + "start afresh on purpose, move the store away first)");
                }
                return Outcome.OPEN_EXISTING;
            }
            default -> {
                return absentOrEmpty(directory, file, state, options);
            }
        }
    }

    private static Outcome absentOrEmpty(DataDirectory directory, Path file, StoreFileState state,
            StartupOptions options) {
        if (!directory.holdsAnInstallation()) {
            return Outcome.CREATE_FOR_NEW_INSTALLATION;
        }
        String what = file + (state == StoreFileState.EMPTY ? " is empty (0 bytes)" : " is missing");
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (sizeOf(wal) > 0) {
            throw new InstallationIncompleteException(what + ", but " + wal + " holds changes of that store: restore "
                    + "primary.db from the same backup, or move " + wal.getFileName() + " away before starting "
                    + "with --initialize-empty-store");
        }
        if (!options.initializeEmptyStore()) {
            throw new InstallationIncompleteException(what + ", but this data directory holds an installation ("
                    + names(directory) + "). With a new, empty store the server would tell every client it is "
                    + "unknown at its next check-in: clients lose their leases and stop their Recorders, and "
                    + "licenses, computers and releases are gone. Restore primary.db from a backup; or start once "
                    + "with --initialize-empty-store to start with an empty store on purpose (the audit trail "
                    + "records it)");
        }
        LOG.warn("{} - {}; --initialize-empty-store: starting with an empty store on purpose ({}); clients must "
                + "enroll again", file, state == StoreFileState.EMPTY ? "empty" : "missing", options.auditActor());
        return Outcome.CREATE_EMPTY_ON_PURPOSE;
    }

    private static String names(DataDirectory directory) {
        return directory.installationTraces().stream().map(file -> directory.root().relativize(file).toString())
                .collect(Collectors.joining(", "));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
