package dev.primary.bench.fleet.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.bench.fleet.transport.TransportSettings;
import dev.primary.bench.harness.ScenarioResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ceiling's endpoint, in the simulator's JVM and in one of its own. */
class HelloCeilingTest {
    private static final HelloCeiling.Settings SMALL = new HelloCeiling.Settings(20, 50, 2, 2, null);

    @Test
    void in_its_own_jvm_the_endpoint_answers_every_variant_and_its_cpu_is_its_own() {
        List<ScenarioResult> results = HelloCeiling.run(TransportSettings.defaults(), new PrintWriter(new StringWriter()),
                SMALL, true, true, new HelloCeiling.OwnJvm(List.of("-Xmx128m")));

        assertThat(results).extracting(result -> result.notes().get("variant"))
                .containsExactly("fresh-full", "fresh-resumed", "reuse");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.errors()).isEmpty();
            assertThat(result.notes().get("target")).isEqualTo("hello-world server in its own JVM (-Xmx128m)");
        });
        assertThat(results).extracting(ScenarioResult::operations).containsExactly(20L, 20L, 50L);
        assertThat(ProcessHandle.current().children().filter(child -> child.info().commandLine()
                .orElse("").contains("HelloWorldMain"))).as("the endpoint's JVM, once the run is over").isEmpty();
    }

    @Test
    void in_the_simulators_jvm_the_results_say_so() {
        List<ScenarioResult> results = HelloCeiling.run(TransportSettings.defaults(), new PrintWriter(new StringWriter()),
                SMALL, true, false);

        assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result.notes().get("target"))
                .isEqualTo("hello-world server in the simulator's JVM (server figures include the simulator)"));
    }

    @Test
    void each_variant_warms_with_the_requests_it_is_given_or_a_fifth_of_its_own_and_says_so() {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        List<ScenarioResult> given = HelloCeiling.run(TransportSettings.defaults(), quiet,
                new HelloCeiling.Settings(20, 50, 2, 2, null, 7), true, true);
        List<ScenarioResult> byDefault = HelloCeiling.run(TransportSettings.defaults(), quiet, SMALL, true, true);

        assertThat(given).extracting(result -> result.notes().get("warm-up"))
                .containsOnly("7 requests, not counted");
        assertThat(byDefault).extracting(result -> result.notes().get("warm-up"))
                .containsExactly("4 requests, not counted", "4 requests, not counted", "10 requests, not counted");
        assertThatThrownBy(() -> new HelloCeiling.Settings(20, 50, 2, 2, null, -5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up");
    }

    @Test
    void no_reuse_requests_leave_the_reuse_variant_and_its_warm_up_out() {
        List<ScenarioResult> results = HelloCeiling.run(TransportSettings.defaults(), new PrintWriter(new StringWriter()),
                new HelloCeiling.Settings(20, 0, 2, 2, null, 7), true, true);

        assertThat(results).extracting(result -> result.notes().get("variant"))
                .containsExactly("fresh-full", "fresh-resumed");
        assertThatThrownBy(() -> new HelloCeiling.Settings(20, -1, 2, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reuse variant out");
        assertThatThrownBy(() -> new HelloCeiling.Settings(0, 50, 2, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 request");
    }
}
