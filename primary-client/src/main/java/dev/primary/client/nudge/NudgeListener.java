package dev.primary.client.nudge;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's "check in now" port (default 2468), on all local addresses or on one. A nudge carries no command: the
 * listener accepts a connection and, when it comes from an address of the Primary Server ({@link NudgeSources}), tells
 * the service it was nudged, reads at most {@value #MAX_BYTES} bytes (waiting at most 1 s for them), and closes. A
 * connection from any other address is closed at once without a check-in (counted, logged at DEBUG). Connections are
 * handled one at a time on one thread, so a flood costs nothing but (rate-limited) check-ins.
 */
public final class NudgeListener implements AutoCloseable {
    static final int MAX_BYTES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(NudgeListener.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private final ServerSocket socket;
    private final NudgeSources sources;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    private NudgeListener(ServerSocket socket, NudgeSources sources) {
        this.socket = socket;
        this.sources = sources;
    }

    /**
     * Listens on {@code port} of {@code bindAddress} (empty: all local addresses) and calls {@code onNudge} for every
     * connection from an address {@code sources} admits; empty when {@code port} is 0 (nudges off) or cannot be bound
     * (a WARN says why; the client runs without).
     */
    public static Optional<NudgeListener> open(Optional<InetAddress> bindAddress, int port, NudgeSources sources,
            Runnable onNudge) {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(onNudge, "onNudge");
        if (port == 0) {
            LOG.info("Nudge listener off (nudge port 0): changes reach this client at its next check-in");
            return Optional.empty();
        }
        String where = "port " + port + bindAddress.map(address -> " on " + address.getHostAddress()).orElse("");
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(bindAddress.map(address -> new InetSocketAddress(address, port))
                    .orElseGet(() -> new InetSocketAddress(port)), 16);
        } catch (IOException e) {
            closeQuietly(socket);
            LOG.warn("Nudge {} cannot be opened ({}): running without the nudge listener; changes reach this "
                    + "client at its next check-in", where, e.getMessage());
            return Optional.empty();
        }
        NudgeListener listener = new NudgeListener(socket, sources);
        Thread thread = new Thread(() -> listener.serve(onNudge), "client-nudge-listener");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Listening for nudges on port {}{}", socket.getLocalPort(),
                bindAddress.map(address -> " of " + address.getHostAddress()).orElse(" (all addresses)"));
        return Optional.of(listener);
    }

    /** The port listened on. */
    public int port() {
        return socket.getLocalPort();
    }

    /** The local address listened on (the wildcard address when on all). */
    public InetAddress address() {
        return socket.getInetAddress();
    }

    /** All bytes read from nudging connections so far (at most {@value #MAX_BYTES} per connection). */
    long bytesRead() {
        return bytesRead.get();
    }

    /** How many connections came from an address that may not nudge, and were dropped without a check-in. */
    public long dropped() {
        return dropped.get();
    }

    private void serve(Runnable onNudge) {
        sources.resolvePending();
        while (!closed) {
            try (Socket connection = socket.accept()) {
                InetAddress from = connection.getInetAddress();
                if (!sources.admits(from)) {
                    long count = dropped.incrementAndGet();
                    LOG.debug("Nudge from {} dropped: not an address of the Primary Server ({} dropped so far)",
                            from.getHostAddress(), count);
                    continue;
                }
                onNudge.run();
                drain(connection);
            } catch (SocketException e) {
                if (!closed) {
                    LOG.warn("Nudge listener on port {} failed: {}", port(), e.getMessage());
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Nudge connection failed: {}", e.toString());
            }
        }
    }

    /** Reads what the nudger sent, at most {@value #MAX_BYTES} bytes and for at most a second; the content is ignored. */
    private void drain(Socket connection) throws IOException {
        connection.setSoTimeout((int) READ_TIMEOUT.toMillis());
        InputStream in = connection.getInputStream();
        byte[] buffer = new byte[MAX_BYTES];
        int total = 0;
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        try {
            while (total < MAX_BYTES && System.nanoTime() < deadline) {
                int read = in.read(buffer, total, MAX_BYTES - total);
                if (read < 0) {
                    break;
                }
                total += read;
                if (total > 0 && buffer[total - 1] == '\n') {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // A silent nudger: the connection itself was the nudge.
        } finally {
            bytesRead.addAndGet(total);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the nudge socket failed: {}", e.toString());
        }
    }
}
