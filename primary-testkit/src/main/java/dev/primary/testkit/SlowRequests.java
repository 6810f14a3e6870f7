package dev.primary.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Many TLS connections held open by the calling thread, each with a request head begun and sent on a byte at a
 * time, never finished: a slow-request ("slowloris") flood as the server sees it. No thread per connection: each
 * socket is written only when {@link #trickle()} is called. Each batch can come from its own loopback address
 * (127.0.0.2, 127.0.0.3 …), so per-source caps can be seen from one machine.
 */
public final class SlowRequests implements AutoCloseable {
    private static final byte[] HEAD_START = "GET /v1/hello HTTP/1.1\r\nHost: primary\r\nX-Slow: "
            .getBytes(StandardCharsets.US_ASCII);

    private final SSLSocketFactory tls;
    private final int port;
    private final List<SSLSocket> held = new ArrayList<>();

    /** Connections to {@code port} on 127.0.0.1 through {@code tls} (one factory, so sessions resume). */
    public SlowRequests(SSLSocketFactory tls, int port) {
        this.tls = tls;
        this.port = port;
    }

    /**
     * Opens {@code count} connections from {@code source}, each through its TLS handshake and the start of a
     * request head; returns how many the server refused (closed before the handshake could finish).
     */
    public int open(String source, int count) throws IOException {
        int refused = 0;
        for (int i = 0; i < count; i++) {
            Socket plain = new Socket();
            plain.setSoLinger(true, 0);
            plain.bind(new InetSocketAddress(source, 0));
            try {
                plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                SSLSocket socket = (SSLSocket) tls.createSocket(plain, "127.0.0.1", port, true);
                socket.setSoTimeout(5_000);
                socket.startHandshake();
                socket.getOutputStream().write(HEAD_START);
                socket.getOutputStream().flush();
                held.add(socket);
            } catch (IOException e) {
                refused++;
                plain.close();
            }
        }
        return refused;
    }

    /** Sends one more byte of the head on every connection held. */
    public void trickle() {
        for (SSLSocket socket : held) {
            try {
                socket.getOutputStream().write('x');
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server closed it; closedByServer tells
            }
        }
    }

    /** How many of the connections held the server has closed (or answered, which it does only to close them). */
    public int closedByServer() {
        int closed = 0;
        for (SSLSocket socket : held) {
            try {
                socket.setSoTimeout(1);
                socket.getInputStream().read();
                closed++;
            } catch (SocketTimeoutException e) {
                // nothing to read: still open, still waiting for the rest of its head
            } catch (IOException e) {
                closed++;
            }
        }
        return closed;
    }

    public int held() {
        return held.size();
    }

    @Override
    public void close() {
        for (SSLSocket socket : held) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing what the server may already have reset
            }
        }
        held.clear();
    }
}
