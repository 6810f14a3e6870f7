package dev.primary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    @Test
    void no_port_is_handed_out_twice_even_when_it_is_still_free() {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ports.add(FreePorts.next());
        }

        assertThat(ports).as("2,000 ports, none bound meanwhile: by chance alone some would repeat").doesNotHaveDuplicates();
    }

    @Test
    void a_handed_out_port_can_be_bound() throws IOException {
        int port = FreePorts.next();

        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
