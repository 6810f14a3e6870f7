package dev.primary.client.home;

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
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One Client Service per home: an exclusive lock on {@code <home>/service.lock}, held for the life of the service and
 * released by the kernel when its process ends, however it ends (so no stale lock survives a crash or a kill). The
 * file holds the holder's process id, for the message a second service exits with. Only {@code run} takes it:
 * {@code status} and {@code repoint} work beside a running service. The file is readable by its owner only, so that
 * no other user can hold a lock on it and keep the service from starting.
 */
public final class ServiceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ServiceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code home} at once, or fails.
     *
     * @throws HomeInUseException when another Client Service holds it: "another Client Service (pid N) is already
     *     running on HOME"
     */
    public static ServiceLock take(ClientHome home) {
        Path file = home.lockFile();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            ownerOnly(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (a second service started in-process)
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new HomeInUseException("another Client Service (" + holder + ") is already running on "
                        + home.dir() + "; stop it first, or give each service its own --home");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new ServiceLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock (the file stays: removing it could let two services lock two different files). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel's close below releases it too.
        }
        closeQuietly(channel);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return text.matches("\\d{1,19}") ? "pid " + text : "pid unknown";
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or a file another account (root) made: the home's own permissions apply.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
