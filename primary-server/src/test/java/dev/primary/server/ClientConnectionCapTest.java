package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientConnectionCapTest {
    @Test
    void half_of_the_descriptors_left_after_the_reserve_and_the_admin_port_go_to_client_connections() {
        assertThat(ClientConnectionCap.room(20_000, 256)).isEqualTo((20_000 - 1024 - 256) / 2);
    }

    @Test
    void a_small_descriptor_limit_keeps_a_quarter_in_reserve() {
        assertThat(ClientConnectionCap.room(1024, 256)).isEqualTo((1024 - 256 - 256) / 2);
    }
}
