package dev.primary.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS socket factory of one {@link HttpServerConnection}: it remembers the socket each thread opened for its
 * request in flight, so that a stopping service can close it while it still connects or is in its TLS handshake. {@code HttpURLConnection.disconnect()} reaches a connection only once it is established, so without this
 * a stop during a handshake with a server that accepted the connection and then went silent waits for the request
 * timeout.
 *
 * <p>A request that reuses a kept-alive connection opens no socket; {@code disconnect()} ends that one.
 */
final class AbandonableSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory tls;
    /** The socket each thread opened for its request in flight; forgotten when the request is over. */
    private final Map<Thread, Socket> opened = new ConcurrentHashMap<>();
    private volatile boolean closed;

    AbandonableSocketFactory(SSLSocketFactory tls) {
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    /** Closes every socket of a request in flight, and from now on every socket as soon as it is made (final). */
    void closeAll() {
        closed = true;
        opened.values().forEach(AbandonableSocketFactory::closeQuietly);
        opened.clear();
    }

    /** The request of {@code requester} is over (answered, failed or abandoned): its socket is not remembered. */
    void forget(Thread requester) {
        opened.remove(requester);
    }

    private Socket remember(Socket socket) {
        opened.put(Thread.currentThread(), socket);
        if (closed) {
            opened.remove(Thread.currentThread());
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
