package dev.primary.bench.fleet.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.bench.fleet.report.SuiteResults.Role;
import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.harness.ScenarioResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteSummaryTest {
    @Test
    void registrations_meet_their_target_only_with_the_rate_and_the_p99() {
        SummaryRow met = SuiteSummary.registrations(result("cold-start", 6_000, 80, Map.of(), null, Map.of()));
        SummaryRow slow = SuiteSummary.registrations(result("cold-start", 4_000, 120, Map.of(), null, Map.of()));
        assertThat(met.met()).isEqualTo("yes");
        assertThat(slow.met()).isEqualTo("no: 1,000/s short (20%); p99 120 ms is 20 ms over");
        assertThat(slow.measured()).isEqualTo("4,000/s, p99 120.0 ms");
    }

    @Test
    void a_figure_judged_against_its_ceiling_says_how_many_points_it_is_short() {
        SummaryRow row = SuiteSummary.ofCeiling("check-ins, fresh", result("steady", 900, 10, Map.of(), 0.72,
                Map.of()), "hello fresh-resumed");
        assertThat(row.ofCeiling()).isEqualTo("72%");
        assertThat(row.met()).isEqualTo("no: 8 points short");
        assertThat(SuiteSummary.ofCeiling("x", result("steady", 900, 10, Map.of(), 0.85, Map.of()), "h").met())
                .isEqualTo("yes");
    }

    @Test
    void errors_fail_a_figure_even_when_its_rate_is_met() {
        SummaryRow row = SuiteSummary.atLeast("verifications", result("steady", 12_000, 5, Map.of("http-503", 4L),
                null, Map.of()), 10_000);
        assertThat(row.met()).isEqualTo("no: 4 errors");
        assertThat(row.measured()).endsWith("; errors: http-503 4");
    }

    @Test
    void an_outage_is_clean_when_everyone_is_back_in_time_with_only_refusals_and_503() {
        ScenarioResult clean = new ScenarioResult("outage-recovery", 100, false, 10, 100, 42.0, 2.4,
                new ScenarioResult.Latency(1, 2, 3), Map.of("connect-refused", 500L), null, null,
                Map.of("onlyAcceptableErrors", "true"));
        ScenarioResult late = new ScenarioResult("outage-recovery", 100, false, 10, 98, 75.0, 1.3,
                new ScenarioResult.Latency(1, 2, 3), Map.of("tls", 2L), null, null,
                Map.of("onlyAcceptableErrors", "false"));
        assertThat(SuiteSummary.outage(clean).met()).isEqualTo("yes");
        assertThat(SuiteSummary.outage(late).met())
                .isEqualTo("no: 2 clients not licensed again when the simulator stopped waiting; other errors than "
                        + "refused connections and 503");
    }

    @Test
    void an_outage_is_timed_from_the_servers_first_answer_and_shows_the_recovery_handshakes() {
        ScenarioResult backAfterStart = new ScenarioResult("outage-recovery", 100, false, 10, 100, 66.0, 1.5,
                new ScenarioResult.Latency(1, 2, 3), Map.of("connect-refused", 500L), null, null,
                Map.of("onlyAcceptableErrors", "true", "secondsUntilHello", "7.0",
                        "recoveryHandshakes", "full 1, resumed 99 (99.0 % resumed)"));
        ScenarioResult slow = new ScenarioResult("outage-recovery", 100, false, 10, 100, 72.0, 1.4,
                new ScenarioResult.Latency(1, 2, 3), Map.of("connect-refused", 500L), null, null,
                Map.of("onlyAcceptableErrors", "true", "secondsUntilHello", "7.0"));

        assertThat(SuiteSummary.outage(backAfterStart).met()).isEqualTo("yes");
        assertThat(SuiteSummary.outage(backAfterStart).measured())
                .contains("first answer after 7.0 s", "recovery handshakes full 1, resumed 99 (99.0 % resumed)");
        assertThat(SuiteSummary.outage(slow).met()).isEqualTo("no: 5.0 s over");
        ScenarioResult slowProbe = new ScenarioResult("outage-recovery", 100, false, 10, 100, 72.0, 1.4,
                new ScenarioResult.Latency(1, 2, 3), Map.of("connect-refused", 500L), null, null,
                Map.of("onlyAcceptableErrors", "true", "secondsUntilHello", "15.0", "secondsUntilFirstAnswer", "9.0"));
        assertThat(SuiteSummary.outage(slowProbe).met()).as("clients answered before the probe")
                .isEqualTo("no: 3.0 s over");
        assertThat(SuiteSummary.outage(slowProbe).measured()).contains("first answer after 9.0 s");
    }

    @Test
    void an_update_wave_must_also_keep_the_servers_memory_flat() {
        ScenarioResult wave = result("update-wave", 500 * 1024 * 1024, 0, Map.of(), 0.9, Map.of(
                "figure", "bytes per second", "packageBytes", Long.toString(100L * 1024 * 1024),
                "serverResidentGrowthBytes", Long.toString(200L * 1024 * 1024)));
        SummaryRow row = SuiteSummary.updateWave(wave);
        assertThat(row.measured()).isEqualTo("500.0 MiB/s, server RSS +200 MiB");
        assertThat(row.met()).isEqualTo("no: server memory grew 200 MiB");
    }

    @Test
    void rows_follow_the_issue_and_end_with_the_ceilings() {
        SuiteResults results = new SuiteResults();
        results.put(Role.HELLO_REUSE, result("hello-ceiling", 30_000, 2, Map.of(), null,
                Map.of(ResultBuilder.VARIANT, "reuse")));
        results.put(Role.VERIFY_REUSE, result("steady", 11_000, 8, Map.of(), 0.37, Map.of()));
        List<SummaryRow> rows = SuiteSummary.rows(results);
        assertThat(rows).extracting(SummaryRow::figure).containsExactly("verifications, connection reuse",
                "ceiling: hello-world, connection reuse");
        assertThat(rows.get(1).measured()).isEqualTo("30,000/s");
    }

    static ScenarioResult result(String scenario, double perSecond, double p99, Map<String, Long> errors,
            Double fraction, Map<String, String> notes) {
        return new ScenarioResult(scenario, 100, true, 64, 1_000, 1.0, perSecond, new ScenarioResult.Latency(1, p99,
                p99 * 2), errors, null, fraction, notes);
    }
}
