package dev.primary.server.store.sqlite;

import dev.primary.server.store.OwnerOnlyFiles;
import dev.primary.server.store.StoreLockedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of a database by one store: an OS lock on {@code <database>.lock}, held while the
 * store is open. The operating system drops it when the process dies, so a crash leaves no stale
 * lock; a second server on the same data directory fails at once, saying which process holds it.
 */
final class StoreLock implements AutoCloseable {
    /**
     * Lock files held by this process. Checked before the file is opened at all: on POSIX systems
     * closing any descriptor of a file drops the process's lock on it, so a second channel must
     * never be opened and closed while the first holds the lock.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path databaseFile) {
        Path lockFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".lock").toAbsolutePath().normalize();
        if (!HELD.add(lockFile)) {
            throw locked(databaseFile, lockFile, "another store in this process");
        }
        try {
            return lock(databaseFile, lockFile);
        } catch (RuntimeException e) {
            HELD.remove(lockFile);
            throw e;
        }
    }

    private static StoreLock lock(Path databaseFile, Path lockFile) {
        OwnerOnlyFiles.createFile(lockFile);
        OwnerOnlyFiles.tighten(lockFile);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the store lock file " + lockFile + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw locked(databaseFile, lockFile, "another process (" + holderOf(lockFile) + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new StoreLock(lockFile, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw locked(databaseFile, lockFile, "another store in this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the store lock file " + lockFile + ": " + e.getMessage(), e);
        } catch (StoreLockedException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static StoreLockedException locked(Path databaseFile, Path lockFile, String holder) {
        return new StoreLockedException("the database " + databaseFile + " is already in use by " + holder
                + ", which holds " + lockFile + "; stop the other Primary Server or give this one another data directory");
    }

    private static String holderOf(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "process unknown" : text;
        } catch (IOException e) {
            return "process unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD.remove(lockFile);
    }
}
