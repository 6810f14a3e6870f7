package dev.primary.server.release;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Where release and content packages live, addressed by their SHA-256 so the same bytes are never
 * stored twice. Uploads stream in (never held whole in memory); downloads are served from an open
 * file channel, in ranges.
 */
public interface PackageStore {

    /**
     * Begins receiving a package that should be {@code size} bytes with SHA-256 {@code sha256} (hex).
     * If it is already stored, the upload still has to be sent but completes without a second copy.
     */
    Upload begin(String sha256, long size);

    /** The stored package, opened for reading; empty if no package has that SHA-256. */
    Optional<StoredPackage> open(String sha256);

    boolean contains(String sha256);

    /** An upload in progress. Not thread-safe: one writer. */
    interface Upload extends AutoCloseable {
        /** Appends bytes; fails with {@link PackageRejectedException} as soon as more than the announced size arrives. */
        void write(ByteBuffer bytes);

        /**
         * Checks size and SHA-256 and moves the package into place atomically.
         *
         * @throws PackageRejectedException when the size or digest is not what was announced (nothing is kept)
         */
        void complete();

        /** Drops what was received (idempotent; called by close() unless completed). */
        void abort();

        @Override
        void close();
    }

    /**
     * A stored package, open for reading; close it when the response is sent.
     *
     * @param sha256 its address
     * @param size its size in bytes
     * @param channel the open file, positioned nowhere in particular: read by absolute position
     */
    record StoredPackage(String sha256, long size, FileChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close();
            } catch (java.io.IOException e) {
                // closing a read-only channel cannot lose data
            }
        }
    }
}
