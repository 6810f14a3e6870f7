package dev.primary.bench.fleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.bench.fleet.scenario.ServerTarget;
import dev.primary.bench.fleet.transport.Endpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TargetOptionsTest {
    private static final String PIN = "sha256/" + "A".repeat(43);

    /** A command that only carries the target options, to parse them as the simulator's commands do. */
    @CommandLine.Command(name = "probe")
    static final class Carrier {
        @CommandLine.Mixin
        TargetOptions target;
    }

    @Test
    void several_servers_repeated_or_with_commas_are_one_external_target_in_order() {
        Carrier carrier = new Carrier();
        new CommandLine(carrier).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--server", "10.0.0.1:16770,10.0.0.2:16770", "--server", "10.0.0.3:16771",
                "--pin", PIN, "--enrollment", "open");

        try (ServerTarget target = carrier.target.open(new PrintWriter(new StringWriter()))) {
            assertThat(target.endpoints()).extracting(Endpoint::authority)
                    .containsExactly("10.0.0.1:16770", "10.0.0.2:16770", "10.0.0.3:16771");
            assertThat(target.describe()).startsWith("3 external servers 10.0.0.1:16770, 10.0.0.2:16770, 10.0.0.3:16771");
        }
    }

    @Test
    void one_server_stays_one_external_server() {
        Carrier carrier = new Carrier();
        new CommandLine(carrier).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--server", "10.0.0.1:16770", "--pin", PIN, "--enrollment", "open");

        try (ServerTarget target = carrier.target.open(new PrintWriter(new StringWriter()))) {
            assertThat(target.endpoints()).hasSize(1);
            assertThat(target.describe()).isEqualTo("external server 10.0.0.1:16770");
        }
    }
}
