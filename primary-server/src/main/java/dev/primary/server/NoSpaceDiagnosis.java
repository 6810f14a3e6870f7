package dev.primary.server;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Names a full disk as the cause of a failed start. SQLite reports one as {@code SQLITE_FULL}, or, when it
 * cannot grow its shared-memory file at open, as {@code SQLITE_IOERR_SHMSIZE}, which never says "disk"; the
 * JDK as "No space left on device". A failure that says so, or a file-system or SQLite I/O failure while the
 * device holding the data directory has less than {@link #NEARLY_FULL_BYTES} free, is a full disk.
 */
final class NoSpaceDiagnosis {
    /** Below this much free space an I/O failure at start is taken for a full disk. */
    static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private NoSpaceDiagnosis() {}

    /** The start-up message for {@code failure} if a full disk caused it. */
    static Optional<String> explain(Throwable failure, Path dataDirectory) {
        boolean saysFull = false;
        boolean inputOutput = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            saysFull |= message.contains("No space left on device") || message.contains("SQLITE_FULL");
            inputOutput |= cause instanceof FileSystemException || cause instanceof SQLException
                    || message.contains("SQLITE_IOERR");
        }
        long free = usableSpace(dataDirectory);
        if (!saysFull && !(inputOutput && free >= 0 && free < NEARLY_FULL_BYTES)) {
            return Optional.empty();
        }
        return Optional.of("no space left on the device holding " + dataDirectory + " (disk full"
                + (free >= 0 ? ", " + free + " bytes free" : "") + "); free space there and start again ("
                + (failure.getMessage() == null ? failure.toString() : failure.getMessage()) + ")");
    }

    private static long usableSpace(Path dataDirectory) {
        Path existing = dataDirectory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
