package dev.primary.server.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.PrimaryException;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithUpdatesFixture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RolloutTest extends WithUpdatesFixture {
    static final Version V1 = new Version(1, 0, 1);
    static final Version V2 = new Version(1, 2, 345);
    static final Version V3 = new Version(1, 3, 0);

    @BeforeEach
    void addReleaseV2() {
        fixture.release(Product.RECORDER, V2);
    }

    /** Licensed clients CORP\PC000.. running Recorder V1. */
    private List<TestClient> fleet(int size) {
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TestClient client = TestClient.named(String.format("CORP\\PC%03d", i));
            client.runsRecorder(V1);
            assertThat(client.register(licensing)).isInstanceOf(CheckInAnswer.Licensed.class);
            clients.add(client);
        }
        return clients;
    }

    private Optional<UpdateDirective> directive(TestClient client) {
        CheckInAnswer answer = client.verify(licensing);
        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        return ((CheckInAnswer.Licensed) answer).updates().stream().findFirst();
    }

    private Set<String> reached(List<TestClient> clients) {
        return clients.stream().filter(client -> directive(client).isPresent())
                .map(client -> client.computer().display()).collect(Collectors.toSet());
    }

    private RolloutView rollout(long id) {
        return releases.rollouts().stream().filter(view -> view.id() == id).findFirst().orElseThrow();
    }

    private RolloutView start(String group, int percent, int threshold) {
        return releases.startRollout(new RolloutRequest(Product.RECORDER, V2, group, percent, threshold), "admin");
    }

    private List<String> actions() {
        return licensing.audit(0, 1000).stream().map(AuditEntry::action).toList();
    }

    @Test
    void a_rollout_to_30_percent_reaches_about_30_percent_and_raising_it_to_100_only_adds_computers() {
        List<TestClient> clients = fleet(200);
        RolloutView rollout = start("", 30, 5);

        Set<String> atThirty = reached(clients);

        assertThat(atThirty.size()).as("about 30% of 200").isBetween(40, 80);
        assertThat(rollout(rollout.id()).assigned()).isEqualTo(atThirty.size());
        assertThat(reached(clients)).as("the same computers at the next check-in").isEqualTo(atThirty);

        RolloutView raised = releases.changeRolloutPercent(rollout.id(), 100, "admin");
        Set<String> atHundred = reached(clients);

        assertThat(raised.percent()).isEqualTo(100);
        assertThat(atHundred).hasSize(200).containsAll(atThirty);
        assertThat(rollout(rollout.id()).assigned()).isEqualTo(200);
        assertThat(actions()).contains("rollout.started", "rollout.percent");
    }

    @Test
    void eligibility_is_the_first_four_bytes_of_the_sha256_of_rollout_id_and_computer_key_modulo_100() {
        List<TestClient> clients = fleet(50);
        RolloutView rollout = start("", 40, 5);

        Set<String> expected = clients.stream()
                .filter(client -> Rollout.bucket(rollout.id(), client.computer().key()) < 40)
                .map(client -> client.computer().display()).collect(Collectors.toSet());

        assertThat(reached(clients)).isEqualTo(expected);
    }

    @Test
    void a_group_rollout_reaches_only_the_computers_of_that_group() {
        List<TestClient> clients = fleet(6);
        releases.assignGroup(new GroupAssignment("CORP\\PC001", "lab"), "admin");
        releases.assignGroup(new GroupAssignment("PC004", "LAB"), "admin");

        start("lab", 100, 5);

        assertThat(reached(clients)).containsExactlyInAnyOrder("CORP\\PC001", "CORP\\PC004");
        assertThat(licensing.computer("CORP\\PC001").group()).isEqualTo("lab");
        AuditEntry grouped = licensing.audit(0, 1000).stream()
                .filter(entry -> entry.action().equals("computer.grouped")).findFirst().orElseThrow();
        assertThat(grouped.subject()).isEqualTo("CORP\\PC004");
        assertThat(grouped.detail()).isEqualTo("put in group LAB");
    }

    @Test
    void a_paused_rollout_assigns_no_new_computers_but_keeps_serving_those_assigned_until_resumed() {
        List<TestClient> clients = fleet(2);
        TestClient early = clients.get(0);
        TestClient late = clients.get(1);
        RolloutView rollout = start("", 100, 5);
        assertThat(directive(early)).isPresent();

        RolloutView paused = releases.pauseRollout(rollout.id(), "admin");

        assertThat(paused.state()).isEqualTo(RolloutView.State.PAUSED);
        assertThat(paused.reason()).isEqualTo("paused by admin");
        assertThat(directive(late)).isEmpty();
        assertThat(directive(early)).as("already assigned: its download carries on").isPresent();
        assertRefused(() -> releases.pauseRollout(rollout.id(), "admin"), ProblemType.CONFLICT,
                "cannot pause rollout " + rollout.id() + ": it is paused (paused by admin); resume it first");

        RolloutView resumed = releases.resumeRollout(rollout.id(), "admin");

        assertThat(resumed.state()).isEqualTo(RolloutView.State.RUNNING);
        assertThat(directive(late)).isPresent();
        assertThat(actions()).contains("rollout.paused", "rollout.resumed");
        assertRefused(() -> releases.resumeRollout(rollout.id(), "admin"), ProblemType.CONFLICT,
                "cannot resume rollout " + rollout.id() + ": it is running");
    }

    @Test
    void lowering_the_share_stops_new_assignments_and_keeps_the_computers_already_assigned() {
        List<TestClient> clients = fleet(40);
        RolloutView rollout = start("", 100, 5);
        TestClient assigned = clients.stream()
                .filter(client -> Rollout.bucket(rollout.id(), client.computer().key()) >= 10)
                .findFirst().orElseThrow();
        TestClient notYet = clients.stream()
                .filter(client -> Rollout.bucket(rollout.id(), client.computer().key()) >= 10 && client != assigned)
                .findFirst().orElseThrow();
        assertThat(directive(assigned)).isPresent();

        releases.changeRolloutPercent(rollout.id(), 10, "admin");

        assertThat(directive(assigned)).isPresent();
        assertThat(directive(notYet)).isEmpty();
    }

    @Test
    void a_rollout_halts_by_itself_when_its_failures_reach_the_threshold() {
        List<TestClient> clients = fleet(4);
        RolloutView rollout = start("", 100, 2);
        clients.subList(0, 3).forEach(client -> assertThat(directive(client)).isPresent());
        UpdateReport failed = new UpdateReport(Product.RECORDER, V2, rollout.id(), UpdateState.FAILED,
                "Recorder V 1.2 (0345) exited with code 1 after 0.2 s; rolled back to V 1.0 (0001)");

        clients.get(0).reports(failed);
        clients.get(0).verify(licensing);
        clients.get(0).verify(licensing);
        assertThat(rollout(rollout.id()).state()).as("one computer counts once").isEqualTo(RolloutView.State.RUNNING);
        assertThat(rollout(rollout.id()).failed()).isEqualTo(1);

        clients.get(1).reports(failed);
        clients.get(1).report(licensing, "licensed");

        RolloutView halted = rollout(rollout.id());
        assertThat(halted.state()).isEqualTo(RolloutView.State.HALTED);
        assertThat(halted.reason()).isEqualTo("halted: 2 of 3 assigned computers failed, reaching the failure"
                + " threshold of 2 (0 installed)");
        assertThat(halted.failed()).isEqualTo(2);
        assertThat(directive(clients.get(2))).as("halted: not even assigned computers are told").isEmpty();
        assertThat(directive(clients.get(3))).isEmpty();
        AuditEntry audit = licensing.audit(0, 100).stream().filter(entry -> entry.action().equals("rollout.halted"))
                .findFirst().orElseThrow();
        assertThat(audit.actor()).isEqualTo("system");
        assertThat(actions()).filteredOn("update.failed"::equals).hasSize(2);
        assertRefused(() -> releases.resumeRollout(rollout.id(), "admin"), ProblemType.CONFLICT,
                "start a new rollout to continue");
    }

    @Test
    void a_threshold_of_0_never_halts() {
        List<TestClient> clients = fleet(2);
        RolloutView rollout = start("", 100, 0);
        for (TestClient client : clients) {
            directive(client);
            client.reports(new UpdateReport(Product.RECORDER, V2, rollout.id(), UpdateState.FAILED, "no"));
            client.verify(licensing);
        }

        assertThat(rollout(rollout.id()).state()).isEqualTo(RolloutView.State.RUNNING);
        assertThat(rollout(rollout.id()).failed()).isEqualTo(2);
    }

    @Test
    void a_newer_rollout_of_the_product_supersedes_the_older_which_keeps_its_counts() {
        List<TestClient> clients = fleet(1);
        TestClient client = clients.get(0);
        RolloutView first = start("", 100, 5);
        assertThat(directive(client).orElseThrow().rolloutId()).isEqualTo(first.id());
        fixture.release(Product.RECORDER, V3);

        RolloutView second = releases.startRollout(new RolloutRequest(Product.RECORDER, V3, "", 100, 5), "admin");

        assertThat(rollout(first.id()).state()).isEqualTo(RolloutView.State.SUPERSEDED);
        assertThat(rollout(first.id()).assigned()).isEqualTo(1);
        UpdateDirective directive = directive(client).orElseThrow();
        assertThat(directive.rolloutId()).isEqualTo(second.id());
        assertThat(releases.rollouts()).extracting(RolloutView::id).containsExactly(second.id(), first.id());
        assertThat(licensing.audit(0, 10).stream().filter(entry -> entry.action().equals("rollout.started"))
                .findFirst().orElseThrow().detail()).endsWith("supersedes rollout " + first.id());
        assertRefused(() -> releases.changeRolloutPercent(first.id(), 50, "admin"), ProblemType.CONFLICT,
                "it is superseded");
    }

    @Test
    void installed_reports_are_counted_and_the_computer_is_not_told_again() {
        TestClient client = fleet(1).get(0);
        RolloutView rollout = start("", 100, 5);
        directive(client);

        client.reports(new UpdateReport(Product.RECORDER, V2, rollout.id(), UpdateState.INSTALLED, ""));
        client.runsRecorder(V2);

        assertThat(directive(client)).isEmpty();
        assertThat(rollout(rollout.id()).installed()).isEqualTo(1);
        assertThat(releases.releases().get(0).computersRunning()).isEqualTo(1);
    }

    @Test
    void a_rollout_needs_a_release_that_was_added() {
        assertRefused(() -> releases.startRollout(new RolloutRequest(Product.RECORDER, V3, "", 100, 5), "admin"),
                ProblemType.NOT_FOUND, "no release recorder V 1.3 (0000) was added");
        assertRefused(() -> releases.pauseRollout(42, "admin"), ProblemType.NOT_FOUND, "no rollout has id 42");
    }

    @Test
    void rollouts_survive_a_restart() {
        fleet(1);
        RolloutView rollout = start("", 30, 5);
        releases.pauseRollout(rollout.id(), "admin");

        fixture.reopen();

        assertThat(fixture.releases().rollouts()).singleElement()
                .satisfies(view -> assertThat(view.state()).isEqualTo(RolloutView.State.PAUSED))
                .satisfies(view -> assertThat(view.percent()).isEqualTo(30));
    }

    @Test
    void the_nudge_targets_of_a_rollout_are_the_reached_computers_that_need_it_and_announce_a_port() {
        TestClient quiet = TestClient.named("CORP\\QUIET");
        quiet.runsRecorder(V1);
        quiet.register(licensing);
        TestClient reachable = TestClient.named("CORP\\REACH");
        reachable.runsRecorder(V1);
        reachable.reachableAt("10.0.0.7", 2468);
        reachable.register(licensing);
        TestClient upToDate = TestClient.named("CORP\\DONE");
        upToDate.runsRecorder(V2);
        upToDate.reachableAt("10.0.0.8", 2468);
        upToDate.register(licensing);

        RolloutView rollout = start("", 100, 5);

        assertThat(releases.rolloutNudgeTargets(rollout.id(), 100))
                .containsExactly(new InetSocketAddress("10.0.0.7", 2468));
        releases.pauseRollout(rollout.id(), "admin");
        assertThat(releases.rolloutNudgeTargets(rollout.id(), 100)).isEmpty();
    }

    private static void assertRefused(Runnable action, ProblemType type, String message) {
        assertThatThrownBy(action::run).isInstanceOf(PrimaryException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PrimaryException) e).problemType()).isEqualTo(type));
    }
}
