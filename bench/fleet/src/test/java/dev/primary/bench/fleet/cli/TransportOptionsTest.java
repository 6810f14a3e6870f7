package dev.primary.bench.fleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.bench.fleet.transport.TransportSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TransportOptionsTest {
    /** A command that only carries the transport options, to parse them as the simulator's commands do. */
    @CommandLine.Command(name = "probe")
    static final class Carrier {
        @CommandLine.Mixin
        TransportOptions transport;
    }

    private static TransportSettings parsed(String... args) {
        Carrier carrier = new Carrier();
        new CommandLine(carrier).parseArgs(args);
        return carrier.transport.settings();
    }

    @Test
    void by_default_the_clients_offer_a_client_services_key_exchanges() {
        assertThat(parsed().keyExchanges()).containsExactly("X25519", "P-256", "P-384", "P-521")
                .isEqualTo(TransportSettings.CLIENT_SERVICE_KEY_EXCHANGES);
    }

    @Test
    void key_exchanges_are_given_in_order_with_commas() {
        TransportSettings settings = parsed("--key-exchanges", "X25519MLKEM768,X25519", "--io-threads", "2");
        assertThat(settings.keyExchanges()).isEqualTo(List.of("X25519MLKEM768", "X25519"));
        assertThat(settings.ioThreads()).isEqualTo(2);
    }

    @Test
    void groups_joined_the_way_boringssl_joins_them_are_refused_with_the_separator_to_use() {
        assertThatThrownBy(() -> parsed("--key-exchanges", "X25519:P-256"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key exchanges are one or more group names, separated by commas (e.g. X25519,P-256), "
                        + "got [X25519:P-256]");
    }
}
