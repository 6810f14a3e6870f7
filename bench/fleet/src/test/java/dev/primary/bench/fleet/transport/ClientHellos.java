package dev.primary.bench.fleet.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** What a TLS client offers: its first ClientHello, read off a socket that then closes, and its extensions. */
final class ClientHellos {
    /** RFC 8879's {@code compress_certificate} extension. */
    static final int COMPRESS_CERTIFICATE = 27;

    private ClientHellos() {}

    /**
     * The extension types of the ClientHello that {@code connect} sends to the loopback port it is given; the
     * connection is closed after it, so {@code connect} should expect its handshake to fail.
     */
    static Set<Integer> extensionsOffered(IntConsumer connect) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> hello = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = listener.accept()) {
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    byte[] header = in.readNBytes(5);
                    byte[] body = in.readNBytes(ByteBuffer.wrap(header, 3, 2).getShort() & 0xffff);
                    return ByteBuffer.allocate(header.length + body.length).put(header).put(body).array();
                } catch (IOException e) {
                    throw new IllegalStateException("no ClientHello read: " + e.getMessage(), e);
                }
            });
            connect.accept(listener.getLocalPort());
            return extensions(hello.get(10, TimeUnit.SECONDS));
        }
    }

    /** The extension types of a TLS record holding a ClientHello (RFC 8446, 4.1.2). */
    static Set<Integer> extensions(byte[] record) {
        ByteBuffer in = ByteBuffer.wrap(record);
        if (in.get() != 22) {
            throw new IllegalArgumentException("not a handshake record");
        }
        in.position(5);
        if (in.get() != 1) {
            throw new IllegalArgumentException("not a ClientHello");
        }
        in.position(in.position() + 3 + 2 + 32); // its length, legacy version, random
        skip(in, in.get() & 0xff); // legacy session id
        skip(in, in.getShort() & 0xffff); // cipher suites
        skip(in, in.get() & 0xff); // legacy compression methods
        int end = (in.getShort() & 0xffff) + in.position();
        Set<Integer> types = new TreeSet<>();
        while (in.position() < end) {
            types.add(in.getShort() & 0xffff);
            skip(in, in.getShort() & 0xffff);
        }
        return types;
    }

    private static void skip(ByteBuffer in, int bytes) {
        in.position(in.position() + bytes);
    }
}
