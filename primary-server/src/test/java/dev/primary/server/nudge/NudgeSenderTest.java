package dev.primary.server.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NudgeSenderTest {
    private final NudgeSender sender = new NudgeSender(Duration.ofSeconds(2), 2, 10);

    @Test
    void a_nudge_connects_to_the_clients_port_and_writes_one_line_that_carries_no_command() throws Exception {
        try (ServerSocket client = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NudgeResult result = sender.nudge(new InetSocketAddress(InetAddress.getLoopbackAddress(), client.getLocalPort()))
                    .get(5, TimeUnit.SECONDS);

            try (Socket connection = client.accept()) {
                InputStream in = connection.getInputStream();
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("nudge\n");
            }
            assertThat(result.nudged()).isTrue();
            assertThat(result.detail()).isEqualTo("nudged at 127.0.0.1:" + client.getLocalPort()
                    + "; it checks in within seconds");
        } finally {
            sender.close();
        }
    }

    @Test
    void a_port_nobody_listens_on_is_not_nudged_and_says_why() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        NudgeResult result = sender.nudge(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort))
                .get(5, TimeUnit.SECONDS);

        assertThat(result.nudged()).isFalse();
        assertThat(result.detail()).startsWith("could not reach 127.0.0.1:" + closedPort + " (")
                .endsWith("it checks in at its next regular check-in");
        sender.close();
    }

    @Test
    void an_address_that_does_not_answer_gives_up_after_the_timeout() throws Exception {
        NudgeSender quick = new NudgeSender(Duration.ofMillis(300), 1, 1);
        try (FullPort full = FullPort.open()) {
            long started = System.nanoTime();

            // The minute only bounds a failure; the timeout it gave up after is in its answer, which no load stretches.
            NudgeResult result = quick.nudge(full.address()).get(1, TimeUnit.MINUTES);

            assertThat(result.nudged()).isFalse();
            assertThat(result.detail()).contains("no answer within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        } finally {
            quick.close();
            sender.close();
        }
    }

    @Test
    void nudges_beyond_the_queue_are_dropped_not_queued_without_bound() throws Exception {
        NudgeSender small = new NudgeSender(Duration.ofSeconds(2), 1, 1);
        try (FullPort full = FullPort.open()) {
            small.nudge(full.address());
            small.nudge(full.address());

            NudgeResult dropped = small.nudge(full.address()).get(1, TimeUnit.MINUTES);

            assertThat(dropped.nudged()).isFalse();
            assertThat(dropped.detail()).startsWith("too many nudges are pending");
        } finally {
            small.close();
            sender.close();
        }
    }

    /** A loopback port whose accept queue is full: a connection to it neither succeeds nor fails, it waits. */
    private record FullPort(ServerSocket server, List<Socket> fillers) implements AutoCloseable {
        static FullPort open() throws IOException {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            FullPort port = new FullPort(server, new ArrayList<>());
            for (int i = 0; i < 4; i++) {
                Socket filler = new Socket();
                port.fillers().add(filler);
                try {
                    filler.connect(port.address(), 200);
                } catch (IOException e) {
                    return port;
                }
            }
            return port;
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            for (Socket filler : fillers) {
                filler.close();
            }
            server.close();
        }
    }
}
