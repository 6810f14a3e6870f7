package dev.primary.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for programs started as separate processes (in-process servers use port 0). They are chosen below
 * the system's range for outgoing connections: a port from that range, free when chosen, can be taken by any
 * connection's local end before the program binds it, or between a server's kill and its restart (on a busy
 * machine, or while clients retry hard, that happens).
 *
 * <p>A port is handed out once per JVM: two calls in a row (a server's client port and its admin port) could
 * otherwise both find the same port free, since neither is bound until the program starts. Out of the 22,768 ports
 * below this machine's range that is one chance in 22,768 per server started: rare, but a full test run starts
 * hundreds of servers, and one run failed on it.
 */
public final class FreePorts {
    private static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A port free now that no earlier call in this JVM returned. */
    public static int next() {
        int below = lowestEphemeralPort();
        for (int attempt = 0; attempt < 200 && below - LOWEST >= 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = anyFreePort();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port that was not handed out already");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int lowestEphemeralPort() {
        try {
            // Read as a line: a /proc file has no size, and a read that trusts the size gets a fragment.
            try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
                return Integer.parseInt(reader.readLine().strip().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return LOWEST;
        }
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
