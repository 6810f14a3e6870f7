package dev.primary.server.store.files;

import dev.primary.protocol.crypto.Sha256;
import dev.primary.server.release.PackageRejectedException;
import dev.primary.server.release.PackageStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One upload into a {@link FilePackageStore}: bytes go to the temporary file as they arrive, through
 * the digest, never held in memory beyond the caller's buffer. A package already stored is only
 * digested (to check what was sent), not written again.
 */
final class FileUpload implements PackageStore.Upload {
    private final FilePackageStore store;
    private final String sha256;
    private final long size;
    private final Path temporary;
    private final FileChannel channel;
    private final MessageDigest digest = Sha256.digest();
    private long received;
    private boolean finished;

    /** {@code temporary} and {@code channel} are {@code null} when the package is already stored. */
    FileUpload(FilePackageStore store, String sha256, long size, Path temporary, FileChannel channel) {
        this.store = store;
        this.sha256 = sha256;
        this.size = size;
        this.temporary = temporary;
        this.channel = channel;
    }

    @Override
    public void write(ByteBuffer bytes) {
        requireOpen();
        int count = bytes.remaining();
        if (received + count > size) {
            abort();
            throw new PackageRejectedException("package " + sha256 + " is larger than the announced " + size
                    + " bytes; nothing was kept");
        }
        digest.update(bytes.duplicate());
        try {
            if (channel != null) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } else {
                bytes.position(bytes.limit());
            }
        } catch (IOException e) {
            abort();
            throw FilePackageStore.failure("cannot write package " + sha256, e);
        }
        received += count;
    }

    @Override
    public void complete() {
        requireOpen();
        if (received != size) {
            abort();
            throw new PackageRejectedException("package " + sha256 + " ended after " + received + " of the announced "
                    + size + " bytes; nothing was kept");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            abort();
            throw new PackageRejectedException("the SHA-256 of the package received is " + actual + ", not the announced "
                    + sha256 + "; nothing was kept");
        }
        finished = true;
        if (channel == null) {
            return;
        }
        try {
            channel.force(true);
            channel.close();
            store.place(temporary, sha256);
        } catch (IOException e) {
            FilePackageStore.deleteQuietly(temporary);
            throw FilePackageStore.failure("cannot store package " + sha256, e);
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the file is deleted next; nothing of it is kept
            }
            FilePackageStore.deleteQuietly(temporary);
        }
    }

    @Override
    public void close() {
        abort();
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the upload of package " + sha256 + " is already finished");
        }
    }
}
