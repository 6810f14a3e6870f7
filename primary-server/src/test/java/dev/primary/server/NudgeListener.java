package dev.primary.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client's nudge port on loopback, as the Client Service opens it: collects what each connection sent. */
final class NudgeListener implements AutoCloseable {
    private final ServerSocket socket;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    NudgeListener() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::accept, "nudge-listener");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** What the next nudge carried, waiting up to {@code seconds}; null if none came. */
    String next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connection.setSoTimeout(1000);
                InputStream in = connection.getInputStream();
                byte[] bytes = in.readNBytes(64);
                received.add(new String(bytes, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed, or a connection that sent nothing in time
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
