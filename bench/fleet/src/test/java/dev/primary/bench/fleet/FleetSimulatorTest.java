package dev.primary.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.bench.fleet.scenario.ColdStart;
import dev.primary.bench.fleet.scenario.EnrollmentMode;
import dev.primary.bench.fleet.scenario.LoadShape;
import dev.primary.bench.fleet.scenario.ManagedSettings;
import dev.primary.bench.fleet.scenario.ManagedTarget;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.scenario.Steady;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.fleet.transport.TransportSettings;
import dev.primary.bench.harness.ScenarioResult;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.admin.TrafficCounters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator counts what the server counts: a real managed server (enrollment by token, the server's default),
 * a cold start of 40 clients and 200 steady check-ins through the simulator's own code, then the server's License
 * Summary and traffic counters compared with the simulator's figures. A correctness check of the counting, not a
 * benchmark.
 */
class FleetSimulatorTest {
    static final int CLIENTS = 40;
    static final long VERIFIES = 200;

    @TempDir
    static Path work;

    static ManagedTarget server;
    static ScenarioResult coldStart;
    static ScenarioResult steady;
    static final StringWriter progress = new StringWriter();

    @BeforeAll
    static void run_a_small_fleet_against_a_real_server() {
        server = ManagedTarget.start(new ManagedSettings(work.resolve("server"), List.of("-Xmx256m"), List.of(),
                CLIENTS, false, EnrollmentMode.TOKEN));
        RunContext context = new RunContext(server, TransportSettings.defaults(), new PrintWriter(progress, true),
                "TEST");
        LoadShape reuse = new LoadShape(8, ConnectionMode.REUSE, false);
        ColdStart.Outcome cold = ColdStart.run(context, new ColdStart.Settings(CLIENTS, reuse, 0, false, null));
        coldStart = cold.result();
        steady = Steady.run(context, new Steady.Settings(CLIENTS, VERIFIES, null,
                new LoadShape(4, ConnectionMode.FRESH, true), 0, true), cold.registered());
    }

    @AfterAll
    static void stop_the_server() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_client_the_simulator_counts_as_licensed_holds_a_seat_on_the_server() {
        LicenseSummary summary = server.server().summary();
        assertThat(coldStart.operations()).isEqualTo(CLIENTS);
        assertThat(coldStart.errors()).isEmpty();
        assertThat(summary.used()).isEqualTo(coldStart.operations());
        assertThat(summary.waiting()).isZero();
    }

    @Test
    void every_client_registered_with_the_token_the_simulator_made_over_the_admin_api() {
        assertThat(server.enrollmentToken()).matches("[a-z2-7]{8}\\.[A-Za-z0-9_-]{43}");
        assertThat(coldStart.notes().get("enrollment")).isEqualTo("every client sends an enrollment token");
        assertThat(coldStart.notes().get("target")).contains("clients enroll with a token");
    }

    @Test
    void the_servers_traffic_counters_match_the_simulators_counts() {
        TrafficCounters counters = server.server().counters();
        assertThat(steady.errors()).isEmpty();
        assertThat(counters.registrations()).isEqualTo(coldStart.operations());
        // Steady's warm-up lets each client check in once on a fresh connection (to hold a TLS ticket) before it
        // measures, so the server saw one more verify per client than the measured phase counted.
        assertThat(counters.verifications()).isEqualTo(steady.operations() + CLIENTS);
        assertThat(counters.problemAnswers()).isZero();
        assertThat(counters.busyRefusals()).isZero();
        assertThat(counters.rateLimited()).isZero();
    }

    @Test
    void fresh_connections_resume_the_clients_own_tls_sessions() {
        assertThat(steady.operations()).isEqualTo(VERIFIES);
        assertThat(steady.notes().get("handshakes")).isEqualTo("full 0, resumed " + VERIFIES);
    }
}
