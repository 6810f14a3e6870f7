package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunArgumentsTest {
    @Test
    void a_well_formed_run_is_read_without_picocli_in_both_option_forms() {
        RunArguments arguments = RunArguments.plainly("run", "--home", "/var/lib/primary", "--computer-name=PC-7",
                "--domain", "OFFICE", "--retry-interval=250ms", "--verify-interval", "4h", "--nudge-port", "0")
                .orElseThrow();

        assertThat(arguments).isEqualTo(new RunArguments(Path.of("/var/lib/primary"), "PC-7", "OFFICE",
                Duration.ofMillis(250), Duration.ofHours(4), 0));
        assertThat(RunArguments.plainly("run", "--home=/h").orElseThrow())
                .isEqualTo(new RunArguments(Path.of("/h"), null, null, null, null, null));
    }

    @Test
    void the_same_arguments_read_by_picocli_give_the_same_settings() {
        String[] args = {"run", "--home", "/h", "--domain=D", "--retry-interval", "60s", "--nudge-port=2469"};
        picocli.CommandLine.ParseResult parsed = new picocli.CommandLine(new ClientServiceCommand()).parseArgs(args);
        picocli.CommandLine.ParseResult run = parsed.subcommand();

        assertThat(RunArguments.plainly(args).orElseThrow()).isEqualTo(new RunArguments(
                run.matchedOptionValue("--home", null), run.matchedOptionValue("--computer-name", null),
                run.matchedOptionValue("--domain", null), run.matchedOptionValue("--retry-interval", null),
                run.matchedOptionValue("--verify-interval", null), run.matchedOptionValue("--nudge-port", null)));
    }

    @Test
    void anything_else_is_left_to_picocli() {
        assertThat(RunArguments.plainly()).isEmpty();
        assertThat(RunArguments.plainly("status", "--home", "/h")).isEmpty();
        assertThat(RunArguments.plainly("--home", "/h", "run")).isEmpty();
        assertThat(RunArguments.plainly("run")).as("no --home").isEmpty();
        assertThat(RunArguments.plainly("run", "--help")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "-h")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--version")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home")).as("no value").isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--home", "/i")).as("repeated").isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--colour", "red")).as("unknown").isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "extra")).as("a positional").isEmpty();
        assertThat(RunArguments.plainly("run", "@args.txt")).as("an argument file").isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "@h")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "--domain", "D")).as("an option as a value").isEmpty();
        assertThat(RunArguments.plainly("run", "--home=")).as("empty").isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--", "x")).isEmpty();
    }

    @Test
    void invalid_values_are_left_to_picocli_which_names_them() {
        assertThat(RunArguments.plainly("run", "--home", "/h", "--retry-interval", "often")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--verify-interval", "0s")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--nudge-port", "65536")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--nudge-port", "080")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--nudge-port", "0x50")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h", "--computer-name", "not a name!")).isEmpty();
        assertThat(RunArguments.plainly("run", "--home", "/h\0x")).isEmpty();
    }

    @Test
    void a_problem_beyond_types_is_said_in_the_words_of_a_usage_error() {
        assertThat(new RunArguments(Path.of("/h"), null, null, null, null, 70000).problem())
                .contains("--nudge-port must be 0 (no listener) or 1-65535, got 70000");
        assertThat(new RunArguments(Path.of("/h"), null, null, null, null, 2468).problem()).isEmpty();
    }
}
