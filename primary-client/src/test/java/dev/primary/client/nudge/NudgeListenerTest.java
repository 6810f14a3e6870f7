package dev.primary.client.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;

import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.LogCapture;
import dev.primary.testkit.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NudgeListenerTest {
    private static final NudgeSources LOOPBACK_SERVER = sources("127.0.0.1", InetAddress.getLoopbackAddress());

    @Test
    void nudge_from_another_address_is_dropped() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        NudgeSources remoteServer = sources("primary.corp", InetAddress.getByName("192.0.2.10"));
        try (LogCapture log = LogCapture.everything();
                NudgeListener listener = NudgeListener.open(Optional.empty(), FreePorts.next(), remoteServer,
                        nudges::incrementAndGet).orElseThrow()) {
            try (Socket stranger = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                stranger.setSoTimeout(5000);
                stranger.getOutputStream().write("nudge\n".getBytes());
                assertThat(endOf(stranger.getInputStream())).isTrue();
            }

            Eventually.waitUntil("the nudge counted as dropped", Duration.ofSeconds(30), () -> listener.dropped() == 1);
            assertThat(nudges.get()).isZero();
            assertThat(listener.bytesRead()).isZero();
            assertThat(log.lines(Level.DEBUG)).anyMatch(line -> line.startsWith("Nudge from 127.0.0.1 dropped: not an "
                    + "address of the Primary Server"));
        }
    }

    @Test
    void a_server_reached_over_loopback_may_nudge_from_any_loopback_address() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        try (NudgeListener listener = NudgeListener.open(Optional.empty(), FreePorts.next(),
                sources("localhost", InetAddress.getByName("127.0.0.1")), nudges::incrementAndGet).orElseThrow();
                Socket nudger = new Socket()) {
            nudger.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            nudger.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port()));
            nudger.getOutputStream().write("nudge\n".getBytes());

            Eventually.waitUntil("the nudge", Duration.ofSeconds(30), () -> nudges.get() == 1);
            assertThat(listener.dropped()).isZero();
        }
    }

    @Test
    void a_listener_bound_to_one_address_does_not_listen_on_the_others() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        InetAddress bound = InetAddress.getByName("127.0.0.1");
        try (NudgeListener listener = NudgeListener.open(Optional.of(bound), FreePorts.next(), LOOPBACK_SERVER,
                nudges::incrementAndGet).orElseThrow()) {
            assertThat(listener.address()).isEqualTo(bound);
            assertThatThrownBy(() -> new Socket(InetAddress.getByName("127.0.0.2"), listener.port()).close())
                    .isInstanceOf(ConnectException.class);

            try (Socket nudger = new Socket(bound, listener.port())) {
                nudger.getOutputStream().write("nudge\n".getBytes());
            }
            Eventually.waitUntil("the nudge on the bound address", Duration.ofSeconds(30), () -> nudges.get() == 1);
        }
    }

    private static NudgeSources sources(String host, InetAddress address) {
        NudgeSources sources = new NudgeSources(name -> {
            if (!name.equals(host)) {
                throw new UnknownHostException(name);
            }
            return List.of(address);
        }, System::nanoTime);
        sources.trust(List.of(host));
        return sources;
    }

    @Test
    void a_nudger_that_sends_a_lot_is_read_no_further_than_64_bytes_and_closed() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        try (NudgeListener listener = NudgeListener.open(Optional.empty(), FreePorts.next(), LOOPBACK_SERVER, nudges::incrementAndGet).orElseThrow();
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
    void a_silent_connection_counts_as_a_nudge_and_is_closed_by_the_listener_after_its_one_second_read_timeout()
            throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        try (NudgeListener listener = NudgeListener.open(Optional.empty(), FreePorts.next(), LOOPBACK_SERVER, nudges::incrementAndGet).orElseThrow()) {
            long start = System.nanoTime();
            Socket nudger = new Socket(InetAddress.getLoopbackAddress(), listener.port());
            // Our own timeout only bounds a failure: on a loaded machine the listener's second can take longer.
            nudger.setSoTimeout(30_000);

            assertThat(endOf(nudger.getInputStream())).as("closed by the listener, not by our timeout").isTrue();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited for the nudge's bytes first")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(nudges.get()).isEqualTo(1);
            nudger.close();
        }
    }

    @Test
    void every_connection_is_a_nudge() throws Exception {
        AtomicInteger nudges = new AtomicInteger();
        try (NudgeListener listener = NudgeListener.open(Optional.empty(), FreePorts.next(), LOOPBACK_SERVER, nudges::incrementAndGet).orElseThrow()) {
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
        assertThat(NudgeListener.open(Optional.empty(), 0, LOOPBACK_SERVER, () -> { })).isEmpty();
    }

    @Test
    void a_port_in_use_is_a_warning_and_no_listener() throws Exception {
        try (ServerSocket taken = new ServerSocket(0); LogCapture log = new LogCapture()) {
            assertThat(NudgeListener.open(Optional.empty(), taken.getLocalPort(), LOOPBACK_SERVER, () -> { })).isEmpty();

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
