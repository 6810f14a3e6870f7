package dev.primary.client.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.LogCapture;
import dev.primary.testkit.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NudgeListenerTest {
    @Test
    void a_nudger_that_sends_a_lot_is_read_no_further_than_64_bytes_and_closed() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        try (NudgeListener listener = NudgeListener.open(FreePorts.next(), nudges::incrementAndGet).orElseThrow();
                Socket nudger = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            nudger.setSoTimeout(5000);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = nudger.getOutputStream();
                    byte[] flood = new byte[1024];
                    for (int i = 0; i < 1024; i++) {
                        out.write(flood);
                    }
                } catch (IOException e) {
                    // The listener closed the connection: expected.
                }
            });
            writer.start();

            assertThat(endOf(nudger.getInputStream())).isTrue();
            writer.join(5000);
            assertThat(nudges.get()).isEqualTo(1);
            assertThat(listener.bytesRead()).isLessThanOrEqualTo(NudgeListener.MAX_BYTES);
        }
    }

    @Test
    void a_silent_connection_counts_as_a_nudge_and_is_closed_within_about_a_second() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        try (NudgeListener listener = NudgeListener.open(FreePorts.next(), nudges::incrementAndGet).orElseThrow();
                Socket nudger = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            nudger.setSoTimeout(3000);
            long start = System.nanoTime();

            assertThat(endOf(nudger.getInputStream())).isTrue();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
            assertThat(nudges.get()).isEqualTo(1);
        }
    }

    @Test
    void every_connection_is_a_nudge() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        try (NudgeListener listener = NudgeListener.open(FreePorts.next(), nudges::incrementAndGet).orElseThrow()) {
            for (int i = 0; i < 5; i++) {
                try (Socket nudger = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                    nudger.getOutputStream().write("nudge\n".getBytes());
                }
            }
            Eventually.waitUntil("five nudges", Duration.ofSeconds(10), () -> nudges.get() == 5);
        }
    }

    @Test
    void port_0_means_no_listener() {
        assertThat(NudgeListener.open(0, () -> { })).isEmpty();
    }

    @Test
    void a_port_in_use_is_a_warning_and_no_listener() throws Exception {
        try (ServerSocket taken = new ServerSocket(0); LogCapture log = new LogCapture()) {
            assertThat(NudgeListener.open(taken.getLocalPort(), () -> { })).isEmpty();

            assertThat(log.warnings()).singleElement().asString()
                    .startsWith("Nudge port " + taken.getLocalPort() + " cannot be opened (")
                    .endsWith("running without the nudge listener; changes reach this client at its next check-in");
        }
    }

    /** Whether the peer closed the connection (end of stream or reset) before the read timeout. */
    private static boolean endOf(InputStream in) {
        try {
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
