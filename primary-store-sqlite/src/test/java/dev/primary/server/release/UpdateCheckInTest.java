package dev.primary.server.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import dev.primary.server.PrimaryException;
import dev.primary.server.licensing.ClientCredentials;
import dev.primary.server.licensing.ClientSignatureInvalidException;
import dev.primary.server.licensing.DownloadRefusedException;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.licensing.ReplayedRequestException;
import dev.primary.server.licensing.UnknownClientException;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithUpdatesFixture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UpdateCheckInTest extends WithUpdatesFixture {
    static final Version V1 = new Version(1, 0, 1);
    static final Version V2 = new Version(1, 2, 345);
    static final Version V3 = new Version(1, 3, 0);

    private CheckInAnswer.Licensed verify(TestClient client) {
        CheckInAnswer answer = client.verify(licensing);
        assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
        return (CheckInAnswer.Licensed) answer;
    }

    private TestClient clientRunning(String name, Version recorder) {
        TestClient client = TestClient.named(name);
        client.runsRecorder(recorder);
        assertThat(client.register(licensing)).isInstanceOf(CheckInAnswer.Licensed.class);
        return client;
    }

    private RolloutView rollOut(Version version) {
        return releases.startRollout(new RolloutRequest(Product.RECORDER, version, "", 100, 5), "admin");
    }

    @Test
    void a_reached_client_is_told_to_install_the_signed_release_and_where_to_fetch_it() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        fixture.release(Product.RECORDER, V2);
        RolloutView rollout = rollOut(V2);

        CheckInAnswer.Licensed answer = verify(client);

        assertThat(answer.updates()).hasSize(1);
        UpdateDirective directive = answer.updates().get(0);
        ReleaseManifest manifest = Json.read(directive.manifest().verifiedPayload(SignedDocument.RELEASE,
                fixture.releaseKey.publicKey()), ReleaseManifest.class);
        assertThat(manifest.version()).isEqualTo(V2);
        assertThat(directive.download()).isEqualTo("/v1/packages/" + manifest.sha256());
        assertThat(directive.rolloutId()).isEqualTo(rollout.id());
        assertThat(answer.contentUpdate()).isEmpty();
    }

    @Test
    void a_client_registering_during_a_rollout_gets_the_directive_with_its_first_lease() {
        fixture.release(Product.RECORDER, V2);
        rollOut(V2);
        TestClient client = TestClient.named("CORP\\NEW");
        client.runsRecorder(V1);

        CheckInAnswer answer = client.register(licensing);

        assertThat(((CheckInAnswer.Licensed) answer).updates()).singleElement()
                .satisfies(directive -> assertThat(directive.download()).startsWith("/v1/packages/"));
    }

    @Test
    void a_client_already_running_the_target_gets_no_directive() {
        TestClient client = clientRunning("CORP\\PC1", V2);
        fixture.release(Product.RECORDER, V2);
        rollOut(V2);

        assertThat(verify(client).updates()).isEmpty();
        assertThat(licensing.computer("PC1").updates()).isEmpty();
    }

    @Test
    void a_client_running_a_newer_version_is_never_told_to_go_back() {
        TestClient client = clientRunning("CORP\\PC1", V3);
        fixture.release(Product.RECORDER, V2);
        rollOut(V2);

        assertThat(verify(client).updates()).as("anti-rollback").isEmpty();
    }

    @Test
    void a_signed_downgrade_is_given_to_a_client_running_a_newer_version() {
        TestClient client = clientRunning("CORP\\PC1", V2);
        fixture.release(Product.RECORDER, V2);
        fixture.release(fixture.manifest(Product.RECORDER, V1, Version.NONE, true));
        rollOut(V1);

        assertThat(verify(client).updates()).singleElement().satisfies(directive -> assertThat(
                Json.read(directive.manifest().unverifiedPayload(), ReleaseManifest.class).downgrade()).isTrue());
    }

    @Test
    void a_client_older_than_the_minimum_client_version_waits_and_is_shown_why() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        fixture.release(fixture.manifest(Product.RECORDER, V2, new Version(2, 0, 0), false));
        RolloutView rollout = rollOut(V2);

        assertThat(verify(client).updates()).isEmpty();
        assertThat(licensing.computer("PC1").updates()).containsExactly(new UpdateView(Product.RECORDER, V1, V2,
                UpdateState.PENDING, "needs Client Service V 2.0 (0000) or newer (it runs V 1.0 (0007))",
                rollout.id()));

        client.runsClient(new Version(2, 0, 1));

        assertThat(verify(client).updates()).hasSize(1);
    }

    @Test
    void a_client_service_release_goes_to_clients_by_their_own_version() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        fixture.release(Product.CLIENT_SERVICE, new Version(1, 1, 0));
        releases.startRollout(new RolloutRequest(Product.CLIENT_SERVICE, new Version(1, 1, 0), "", 100, 5), "admin");

        assertThat(verify(client).updates()).singleElement().satisfies(directive -> assertThat(
                Json.read(directive.manifest().unverifiedPayload(), ReleaseManifest.class).product())
                .isEqualTo(Product.CLIENT_SERVICE));

        client.runsClient(new Version(1, 1, 0));
        assertThat(verify(client).updates()).isEmpty();
        assertThat(releases.releases().get(0).computersRunning()).isEqualTo(1);
    }

    @Test
    void a_client_that_failed_a_rollout_is_not_told_again() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        fixture.release(Product.RECORDER, V2);
        RolloutView rollout = rollOut(V2);
        verify(client);

        client.reports(new UpdateReport(Product.RECORDER, V2, rollout.id(), UpdateState.FAILED, "digest mismatch"));

        assertThat(verify(client).updates()).isEmpty();
    }

    @Test
    void the_newest_content_revision_goes_to_clients_that_report_an_older_one() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        fixture.content(6);
        fixture.content(7);

        ContentDirective content = verify(client).contentUpdate().orElseThrow();

        ContentManifest manifest = Json.read(content.manifest().verifiedPayload(SignedDocument.CONTENT,
                fixture.releaseKey.publicKey()), ContentManifest.class);
        assertThat(manifest.revision()).isEqualTo(7);
        assertThat(content.download()).isEqualTo("/v1/packages/" + manifest.sha256());

        client.appliedContent(7);

        assertThat(verify(client).contentUpdate()).isEmpty();
        assertThat(licensing.computer("PC1").contentRevision()).isEqualTo(7);
        assertThat(releases.contents().get(0).computersApplied()).isEqualTo(1);
    }

    @Test
    void reports_are_stored_per_computer_and_product_and_shown_in_manage_computers() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        fixture.release(Product.RECORDER, V2);
        RolloutView rollout = rollOut(V2);
        releases.assignGroup(new GroupAssignment("PC1", "lab"), "admin");
        assertThat(licensing.computer("PC1").updates()).as("assigned, not yet told")
                .containsExactly(new UpdateView(Product.RECORDER, V1, V2, UpdateState.PENDING, "", rollout.id()));
        verify(client);

        client.reports(new UpdateReport(Product.RECORDER, V2, rollout.id(), UpdateState.DOWNLOADING, ""));
        client.report(licensing, "licensed");
        assertThat(licensing.computer("PC1").updates()).containsExactly(
                new UpdateView(Product.RECORDER, V1, V2, UpdateState.DOWNLOADING, "", rollout.id()));

        String reason = "Recorder V 1.2 (0345) exited with code 1 after 0.2 s; rolled back to V 1.0 (0001)";
        client.reports(new UpdateReport(Product.RECORDER, V2, rollout.id(), UpdateState.FAILED, reason),
                new UpdateReport(Product.CLIENT_SERVICE, new Version(1, 1, 0), 0, UpdateState.INSTALLED,
                        "staged; active after the service restarts"));
        verify(client);

        ComputerView view = licensing.computer("PC1");
        assertThat(view.group()).isEqualTo("lab");
        assertThat(view.updates()).containsExactly(
                new UpdateView(Product.RECORDER, V1, V2, UpdateState.FAILED, reason, rollout.id()),
                new UpdateView(Product.CLIENT_SERVICE, new Version(1, 0, 7), new Version(1, 1, 0),
                        UpdateState.INSTALLED, "staged; active after the service restarts", 0));
        assertThat(licensing.computers(new ComputerQuery("", null, ComputerQuery.Sort.NAME, false, 0, 10))
                .items().get(0).updates())
                .as("the page shows the same").isEqualTo(view.updates());
        AuditEntry failure = licensing.audit(0, 10).stream().filter(entry -> entry.action().equals("update.failed"))
                .findFirst().orElseThrow();
        assertThat(failure.subject()).isEqualTo("CORP\\PC1");
        assertThat(failure.actor()).isEqualTo("client:" + client.clientId());
        assertThat(failure.detail()).isEqualTo("recorder V 1.2 (0345) (rollout " + rollout.id() + "): " + reason);
    }

    @Test
    void a_report_for_a_rollout_that_did_not_assign_the_computer_does_not_count_toward_it() {
        TestClient assigned = clientRunning("CORP\\PC1", V1);
        TestClient stranger = clientRunning("CORP\\PC2", V1);
        fixture.release(Product.RECORDER, V2);
        RolloutView rollout = releases.startRollout(new RolloutRequest(Product.RECORDER, V2, "lab", 100, 1), "admin");
        verify(assigned);

        stranger.reports(new UpdateReport(Product.RECORDER, V2, rollout.id(), UpdateState.FAILED, "forged"));
        verify(stranger);

        RolloutView view = releases.rollouts().get(0);
        assertThat(view.failed()).isZero();
        assertThat(view.state()).isEqualTo(RolloutView.State.RUNNING);
        assertThat(licensing.computer("PC2").updates()).singleElement()
                .satisfies(update -> assertThat(update.rolloutId()).isZero());
    }

    @Test
    void a_computer_that_lost_its_seat_reports_failures_that_do_not_count_toward_the_rollout() {
        TestClient directed = clientRunning("CORP\\PC1", V1);
        fixture.release(Product.RECORDER, V2);
        RolloutView rollout = releases.startRollout(new RolloutRequest(Product.RECORDER, V2, "", 100, 1), "admin");
        verify(directed);
        licensing.release("CORP\\PC1", "decommissioned", "admin");

        directed.reports(new UpdateReport(Product.RECORDER, V2, rollout.id(), UpdateState.FAILED, "forged"));
        directed.report(licensing, "running");

        RolloutView view = releases.rollouts().get(0);
        assertThat(view.failed()).isZero();
        assertThat(view.state()).isEqualTo(RolloutView.State.RUNNING);
    }

    @Test
    void hello_lists_the_trusted_release_keys_for_clients_to_pin() {
        Hello hello = licensing.hello();

        assertThat(hello.releaseKeys()).containsExactly(fixture.releaseKey.publicKey().encoded());
    }

    @Test
    void the_nudge_target_is_where_the_client_last_checked_in_from_and_the_port_it_announced() {
        TestClient client = TestClient.named("CORP\\PC1");
        client.reachableAt("192.0.2.10", 2468);
        client.register(licensing);
        client.reachableAt("192.0.2.11", 2470);
        client.verify(licensing);

        assertThat(releases.nudgeTarget("PC1", "admin")).contains(new InetSocketAddress("192.0.2.11", 2470));
        AuditEntry nudged = licensing.audit(0, 1).get(0);
        assertThat(nudged.action()).isEqualTo("computer.nudged");
        assertThat(nudged.subject()).isEqualTo("CORP\\PC1");

        client.reachableAt("", 0);
        client.verify(licensing);

        assertThat(releases.nudgeTarget("PC1", "admin")).as("announces no port any more").isEmpty();
    }

    @Test
    void a_licensed_client_may_fetch_the_packages_of_known_releases_and_content_only() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        String release = fixture.release(Product.RECORDER, V2).sha256();
        String content = fixture.content(1).sha256();
        String stray = fixture.upload("uploaded but never added".getBytes(StandardCharsets.UTF_8));

        client.download(licensing, release);
        client.download(licensing, content);

        assertThatThrownBy(() -> client.download(licensing, stray))
                .hasMessage("package " + stray + " belongs to no release or content update on this server")
                .extracting(e -> ((PrimaryException) e).problemType().status()).isEqualTo(404);
    }

    @Test
    void a_download_is_authenticated_like_a_check_in() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        String release = fixture.release(Product.RECORDER, V2).sha256();
        byte[] signed = RequestSignature.signedBytes("GET", "/v1/packages/" + release,
                client.clientId(), client.lastSequence(), new byte[0]);

        assertThatThrownBy(() -> licensing.authorizeDownload(new ClientCredentials(
                client.clientId(), client.lastSequence(), new byte[64], signed), release))
                .isInstanceOf(ClientSignatureInvalidException.class);
        assertThatThrownBy(() -> TestClient.named("CORP\\PC9").download(licensing, release))
                .isInstanceOf(UnknownClientException.class);
        client.download(licensing, release);
        long used = client.lastSequence();
        byte[] replayed = RequestSignature.signedBytes("GET", "/v1/packages/" + release,
                client.clientId(), used, new byte[0]);
        assertThatThrownBy(() -> licensing.authorizeDownload(new ClientCredentials(
                client.clientId(), used, client.sign(replayed), replayed), release))
                .isInstanceOf(ReplayedRequestException.class);
    }

    @Test
    void a_client_without_a_seat_may_not_fetch_packages() {
        TestClient client = clientRunning("CORP\\PC1", V1);
        String release = fixture.release(Product.RECORDER, V2).sha256();
        licensing.revoke("PC1", "stolen", "admin");

        assertThatThrownBy(() -> client.download(licensing, release))
                .hasMessage("client " + client.clientId() + " holds no seat (CORP\\PC1 is revoked);"
                        + " packages are served to licensed clients only")
                .extracting(e -> ((PrimaryException) e).problemType().status()).isEqualTo(409);
    }

    @Test
    void a_licensing_core_without_an_advisor_gives_no_directives_and_serves_no_packages() {
        fixture.release(Product.RECORDER, V2);
        rollOut(V2);
        Licensing plain = new Licensing(fixture.settings(), fixture.store(), fixture.serverKey,
                fixture.clock);
        TestClient client = TestClient.named("CORP\\PC1");
        client.runsRecorder(V1);

        CheckInAnswer answer = client.register(plain);

        assertThat(((CheckInAnswer.Licensed) answer).updates()).isEmpty();
        assertThatThrownBy(() -> client.download(plain, releases.releases().get(0).sha256()))
                .isInstanceOf(DownloadRefusedException.class);
    }
}
