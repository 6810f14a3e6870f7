package dev.primary.bench.fleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.bench.fleet.scenario.OutageRecovery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OutageRecoveryCommandTest {
    private OutageRecovery.Settings parse(String... args) {
        OutageRecoveryCommand command = new OutageRecoveryCommand(new Console(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return command.settings();
    }

    @Test
    void by_default_clients_hold_sessions_and_retry_as_the_client_service_does() {
        OutageRecovery.Settings settings = parse();

        assertThat(settings.sessions()).isTrue();
        assertThat(settings.checkInKeys()).as("check-ins as the Client Service makes them").isTrue();
        assertThat(settings.policy().interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.policy().jitter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.policy().earlierOnly()).as("never later than the interval").isTrue();
        assertThat(settings.effectiveDownTime()).as("every client has failed once").isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.clients()).isEqualTo(100_000);
    }

    @Test
    void no_sessions_a_scaled_interval_a_jitter_and_a_down_time_are_taken_as_given() {
        OutageRecovery.Settings settings = parse("--no-sessions", "--retry-interval", "1s", "--jitter", "250ms",
                "--down-time", "5s", "--no-check-in-keys");

        assertThat(settings.sessions()).isFalse();
        assertThat(settings.checkInKeys()).isFalse();
        assertThat(settings.policy().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.policy().jitter()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.effectiveDownTime()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_jitter_as_a_per_cent_is_of_the_given_interval() {
        assertThat(parse("--retry-interval", "10s", "--jitter", "10%").policy().jitter())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_bad_jitter_is_a_usage_error_that_names_it() {
        assertThatThrownBy(() -> parse("--jitter", "lots")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'lots'");
    }
}
