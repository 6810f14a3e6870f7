package dev.primary.client.update;

import dev.primary.client.service.ContactFailedException;
import dev.primary.client.service.PackageBody;
import dev.primary.client.service.RequestRefusedException;
import dev.primary.client.service.ServerConnection;
import dev.primary.protocol.crypto.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * One attempt to fetch a package into {@code <home>/downloads/<sha256>.part}, resuming from the bytes already
 * there ({@code Range: bytes=N-}), streamed to disk through a small buffer (a package is never held in memory),
 * then checked against the signed size and SHA-256. Runs on the download thread.
 */
final class PackageDownload {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int UNAUTHORIZED = 401;
    private static final int RANGE_NOT_SATISFIABLE = 416;

    private final Delivery delivery;
    private final Path part;
    private volatile PackageBody inFlight;

    PackageDownload(Delivery delivery, Path downloadsDir) {
        this.delivery = delivery;
        this.part = downloadsDir.resolve(delivery.sha256() + ".part");
    }

    DownloadOutcome run(ServerConnection server, BooleanSupplier cancelled) {
        long fetched = 0;
        try {
            Files.createDirectories(part.getParent());
            long have = Files.exists(part) ? Files.size(part) : 0;
            if (have > delivery.size()) {
                Files.delete(part);
                have = 0;
            }
            if (have < delivery.size()) {
                try (PackageBody body = server.download(delivery.download(), have)) {
                    inFlight = body;
                    if (cancelled.getAsBoolean()) {
                        return new DownloadOutcome.Cancelled();
                    }
                    Fetch fetch = append(body, have, cancelled);
                    fetched = fetch.bytes();
                    if (fetch.outcome() instanceof DownloadOutcome.Refused) {
                        Files.deleteIfExists(part);
                    }
                    if (fetch.outcome() != null) {
                        return fetch.outcome();
                    }
                }
            }
            return checked(fetched);
        } catch (RequestRefusedException e) {
            return refused(e);
        } catch (ContactFailedException e) {
            return new DownloadOutcome.Interrupted(e.getMessage(), fetched);
        } catch (IOException e) {
            return cancelled.getAsBoolean() ? new DownloadOutcome.Cancelled()
                    : new DownloadOutcome.Interrupted(e.getMessage(), fetched);
        }
    }

    /**
     * Ends a transfer in flight, from another thread, so the attempt ends (as cancelled) without waiting for the read
     * timeout. Closing may itself wait for a read in progress, so it happens on a short-lived thread of its own.
     */
    void abort() {
        PackageBody body = inFlight;
        if (body == null) {
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                body.close();
            } catch (IOException e) {
                // Closing is all that was wanted.
            }
        }, "client-update-abort");
        closer.setDaemon(true);
        closer.start();
    }

    private record Fetch(long bytes, DownloadOutcome outcome) {
    }

    /** Appends the body at {@code have}; an outcome when the attempt ends early, none when the file is complete. */
    private Fetch append(PackageBody body, long have, BooleanSupplier cancelled) throws IOException {
        long start = body.offset();
        if (start != have && start != 0) {
            return new Fetch(0, new DownloadOutcome.Interrupted("the server answered from byte " + start
                    + " when asked for byte " + have, 0));
        }
        if (body.length() >= 0 && start + body.length() != delivery.size()) {
            return new Fetch(0, new DownloadOutcome.Refused("the server's package has " + (start + body.length())
                    + " bytes, the signed manifest says " + delivery.size()));
        }
        long fetched = 0;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(start);
            channel.position(start);
            long remaining = delivery.size() - start;
            InputStream in = body.content();
            byte[] buffer = new byte[BUFFER_SIZE];
            try {
                while (remaining > 0) {
                    if (cancelled.getAsBoolean()) {
                        return new Fetch(fetched, new DownloadOutcome.Cancelled());
                    }
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (read < 0) {
                        return new Fetch(fetched, new DownloadOutcome.Interrupted("the connection ended at byte "
                                + (start + fetched) + " of " + delivery.size(), fetched));
                    }
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                    fetched += read;
                    remaining -= read;
                }
                if (sentMore(in)) {
                    channel.truncate(0);
                    return new Fetch(fetched, new DownloadOutcome.Refused("the server sent more than the "
                            + delivery.size() + " bytes the signed manifest names"));
                }
                return new Fetch(fetched, null);
            } catch (IOException e) {
                if (cancelled.getAsBoolean()) {
                    return new Fetch(fetched, new DownloadOutcome.Cancelled());
                }
                return new Fetch(fetched, new DownloadOutcome.Interrupted("the download broke off at byte "
                        + (start + fetched) + " of " + delivery.size() + ": " + describe(e), fetched));
            } finally {
                channel.force(true);
            }
        }
    }

    /** Whether the body goes on past the signed size; a connection that breaks right after the last byte does not. */
    private static boolean sentMore(InputStream in) {
        try {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private DownloadOutcome checked(long fetched) throws IOException {
        long size = Files.size(part);
        if (size != delivery.size()) {
            Files.delete(part);
            return new DownloadOutcome.Refused("the package has " + size + " bytes, the signed manifest says "
                    + delivery.size());
        }
        String digest = sha256(part);
        if (!digest.equals(delivery.sha256())) {
            Files.delete(part);
            return new DownloadOutcome.Refused("package SHA-256 " + digest + " does not match the signed manifest's "
                    + delivery.sha256() + ": the package was altered");
        }
        return new DownloadOutcome.Complete(part, fetched);
    }

    private DownloadOutcome refused(RequestRefusedException e) {
        if (e.problem().status() == RANGE_NOT_SATISFIABLE) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException deleteFailed) {
                return new DownloadOutcome.Interrupted("cannot delete " + part + ": " + deleteFailed.getMessage(), 0);
            }
            return new DownloadOutcome.Interrupted("the server cannot resume the download; starting over", 0);
        }
        if (e.problem().status() == UNAUTHORIZED) {
            return new DownloadOutcome.Interrupted("the server " + e.getMessage(), 0);
        }
        return new DownloadOutcome.Refused("the server " + e.getMessage());
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).toLowerCase(Locale.ROOT);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
