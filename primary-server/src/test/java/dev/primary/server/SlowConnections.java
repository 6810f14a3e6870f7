package dev.primary.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Many raw TCP connections held open by one thread with NIO, each sending a byte of a TLS record now and then
 * and never finishing it: what a slow-connection flood looks like to the server. Each can come from its own
 * loopback address (127.0.0.2, 127.0.0.3 …), so per-source caps can be seen from one machine.
 */
final class SlowConnections implements AutoCloseable {
    /** The start of a TLS record (handshake, TLS 1.0, 512 bytes long) that never comes whole. */
    private static final byte[] RECORD_START = {0x16, 0x03, 0x01, 0x02, 0x00};

    private final int port;
    private final List<Held> held = new ArrayList<>();

    SlowConnections(int port) {
        this.port = port;
    }

    /** Opens {@code count} connections from {@code source} (connected when this returns). */
    List<SocketChannel> open(String source, int count) throws IOException {
        List<SocketChannel> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.bind(new InetSocketAddress(source, 0));
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            held.add(new Held(channel));
            opened.add(channel);
        }
        return opened;
    }

    /** Sends the next byte on every connection still open. */
    void trickle() {
        for (Held connection : held) {
            connection.sendNextByte();
        }
    }

    /** How many of {@code channels} the server has closed (a read sees the end, or a reset). */
    static long closedByServer(List<SocketChannel> channels) {
        return channels.stream().filter(SlowConnections::closedByServer).count();
    }

    static boolean closedByServer(SocketChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        try {
            int read;
            while ((read = channel.read(buffer)) > 0) {
                buffer.clear();
            }
            return read < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        for (Held connection : held) {
            try {
                connection.channel.close();
            } catch (IOException e) {
                // closing what the server may already have reset
            }
        }
        held.clear();
    }

    private static final class Held {
        private final SocketChannel channel;
        private int sent;

        Held(SocketChannel channel) {
            this.channel = channel;
        }

        void sendNextByte() {
            if (!channel.isOpen()) {
                return;
            }
            byte next = sent < RECORD_START.length ? RECORD_START[sent] : 0;
            try {
                if (channel.write(ByteBuffer.wrap(new byte[] {next})) == 1) {
                    sent++;
                }
            } catch (IOException e) {
                // the server closed it; closedByServer tells
            }
        }
    }
}
