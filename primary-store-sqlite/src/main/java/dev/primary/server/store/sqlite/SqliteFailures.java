package dev.primary.server.store.sqlite;

import dev.primary.server.PrimaryException;
import dev.primary.server.store.StoreFullException;
import dev.primary.server.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Tells a full disk from other SQLite failures: {@code SQLITE_FULL} is one; an I/O error
 * ({@code SQLITE_IOERR_*}, which SQLite reports for some writes that failed for want of space) is one when
 * the database's file system has less than {@link #NEARLY_FULL_BYTES} left. Everything else is
 * {@link StoreUnavailableException}.
 */
final class SqliteFailures {
    /** Below this much usable space an I/O error on write is taken for a full disk. */
    static final long NEARLY_FULL_BYTES = 1024 * 1024;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;

    private SqliteFailures() {}

    /**
     * @param what what failed, for the message
     * @param directory the database's directory, to look at its free space; {@code null} when unknown
     */
    static PrimaryException classify(String what, SQLException failure, Path directory) {
        int primaryCode = failure.getErrorCode() & 0xff;
        if (primaryCode == SQLITE_FULL || primaryCode == SQLITE_IOERR && nearlyFull(directory)) {
            return new StoreFullException("the store's disk is full (" + failure.getMessage() + "); " + what
                    + " was not kept", failure);
        }
        return new StoreUnavailableException(what + " failed (" + failure.getMessage() + ")", failure);
    }

    private static boolean nearlyFull(Path directory) {
        if (directory == null) {
            return false;
        }
        try {
            return Files.getFileStore(directory).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException e) {
            return false;
        }
    }
}
