package dev.primary.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS socket factory of one {@link HttpServerConnection}: it remembers the socket each thread opened for its
 * request in flight, so that another thread can abandon that request while it still connects or is in its TLS
 * handshake. {@code HttpURLConnection.disconnect()} reaches a connection only once it is established, so without this
 * a stop during a handshake with a server that accepted the connection and then went silent waits for the request
 * timeout.
 *
 * <p>A request that reuses a kept-alive connection opens no socket; {@code disconnect()} ends that one.
 */
final class AbandonableSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory tls;
    private final Map<Thread, Socket> opened = new ConcurrentHashMap<>();
    private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();

    AbandonableSocketFactory(SSLSocketFactory tls) {
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    /**
     * Closes the socket {@code requester} opened for its request in flight; a socket it opens later for the same
     * request is closed as soon as it is made, until {@link #forget(Thread)}.
     */
    void abandon(Thread requester) {
        abandoned.add(requester);
        Socket socket = opened.remove(requester);
        if (socket != null) {
            closeQuietly(socket);
        }
    }

    /** The request of {@code requester} is over (answered, failed or abandoned): nothing of it is remembered. */
    void forget(Thread requester) {
        opened.remove(requester);
        abandoned.remove(requester);
    }

    private Socket remember(Socket socket) {
        Thread requester = Thread.currentThread();
        opened.put(requester, socket);
        if (abandoned.contains(requester)) {
            opened.remove(requester);
            closeQuietly(socket);
        }
        return socket;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is wanted; the request fails with its own exception
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return remember(tls.createSocket());
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        return remember(tls.createSocket(plain, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket plain, InputStream consumed, boolean autoClose) throws IOException {
        return remember(tls.createSocket(plain, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return remember(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return remember(tls.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return remember(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return remember(tls.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
