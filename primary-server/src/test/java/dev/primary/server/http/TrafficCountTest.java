package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficCountTest {
    @Test
    void handshakes_are_counted_by_kind_and_by_key_exchange_and_each_new_group_is_told_once() {
        TrafficCount traffic = new TrafficCount();
        List<String> told = new ArrayList<>();
        traffic.onNewKeyExchange(told::add);

        traffic.handshakeCompleted(false, "X25519");
        traffic.handshakeCompleted(true, "X25519");
        traffic.handshakeCompleted(true, "X25519MLKEM768");
        traffic.handshakeCompleted(true, null);

        assertThat(traffic.fullHandshakes()).isEqualTo(1);
        assertThat(traffic.resumedHandshakes()).isEqualTo(3);
        assertThat(traffic.keyExchanges("X25519")).isEqualTo(2);
        assertThat(traffic.keyExchanges("X25519MLKEM768")).isEqualTo(1);
        assertThat(traffic.keyExchanges("P-256")).isZero();
        assertThat(traffic.keyExchangeGroups()).containsExactlyInAnyOrder("X25519", "X25519MLKEM768");
        assertThat(told).containsExactly("X25519", "X25519MLKEM768");
    }
}
