package dev.primary.bench.fleet.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A port that forwards every connection to a server behind it, and can be shut (connections to it are refused) and
 * opened again on the same port: a server that goes away and comes back, without a new server (and new keys).
 */
final class TcpDoor implements AutoCloseable {
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private int port;
    private volatile ServerSocket listening;
    private volatile Thread acceptor;

    private TcpDoor(int target) {
        this.target = target;
    }

    /** An open door to {@code target} on loopback, on a free port. */
    static TcpDoor to(int target) {
        TcpDoor door = new TcpDoor(target);
        door.open();
        return door;
    }

    int port() {
        return port;
    }

    /** Listens again on the door's port. */
    void open() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            port = socket.getLocalPort();
            listening = socket;
            acceptor = daemon(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops listening and drops every forwarded connection: new connections are refused once this returns. It waits
     * for the accepting thread to leave: the JDK closes a listening socket that a thread is blocked on only when that
     * thread wakes, so a connection made just after the close could still be accepted (it is then dropped).
     */
    void shut() {
        closeQuietly(listening);
        Thread accepting = acceptor;
        if (accepting != null) {
            try {
                accepting.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        open.forEach(TcpDoor::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        shut();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket outside = socket.accept();
                if (socket.isClosed()) {
                    closeQuietly(outside); // accepted while the door was being shut
                    return;
                }
                Socket inside = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(outside);
                open.add(inside);
                pump(outside, inside);
                pump(inside, outside);
            } catch (IOException e) {
                return; // shut
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        daemon(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "tcp-door");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // closing anyway
        }
    }
}
