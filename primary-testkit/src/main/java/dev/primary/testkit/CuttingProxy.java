package dev.primary.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that forwards everything to a target port (TLS passes through untouched)
 * and, while armed, cuts a connection once that many bytes went from the server to the client —
 * a network failure in the middle of a response body, made on purpose.
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cutting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong cutAfterBytes = new AtomicLong(Long.MAX_VALUE);
    private final AtomicInteger cuts = new AtomicInteger();

    private CuttingProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
        threads.execute(this::acceptLoop);
    }

    public static CuttingProxy to(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new CuttingProxy(listener, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The next connection that carries more than {@code bytes} from the server is cut there (once). */
    public void cutOnceAfter(long bytes) {
        cutAfterBytes.set(bytes);
    }

    /** How many connections were cut so far. */
    public int cuts() {
        return cuts.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                threads.execute(() -> pump(client, server, false));
                threads.execute(() -> pump(server, client, true));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean serverToClient) {
        byte[] buffer = new byte[16 * 1024];
        long forwarded = 0;
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long limit = serverToClient ? cutAfterBytes.get() : Long.MAX_VALUE;
                if (forwarded + read > limit && cutAfterBytes.compareAndSet(limit, Long.MAX_VALUE)) {
                    out.write(buffer, 0, (int) (limit - forwarded));
                    out.flush();
                    cuts.incrementAndGet();
                    to.setSoLinger(true, 0);
                    from.setSoLinger(true, 0);
                    return;
                }
                out.write(buffer, 0, read);
                forwarded += read;
            }
        } catch (IOException e) {
            // one side went away: closing both ends (try-with-resources) is all there is to do
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        threads.shutdownNow();
    }
}
