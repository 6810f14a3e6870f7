package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.ClientHome;
import dev.primary.client.testing.ReleaseSigner;
import dev.primary.client.testing.ScriptedServer;
import dev.primary.client.update.InstalledPackage;
import dev.primary.client.update.InstalledRecorder;
import dev.primary.client.update.InstalledVersions;
import dev.primary.client.update.UpdateAgent;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update agent inside the Client Service, on fake time with a scripted server and a fake Recorder (downloads
 * run at once on the test's thread): directives in, reports out, refusals, roll-back, content, nudges.
 */
class ClientServiceUpdatesTest {
    private static final Version NEW = new Version(1, 2, 345);
    private static final Version CLIENT_VERSION = new Version(0, 1, 0);
    private static final Duration HEALTH = Duration.ofSeconds(30);
    private static final List<String> PACKAGE_COMMAND = List.of("/bin/sh", "{package}");
    private static final byte[] PACKAGE = "#!/bin/sh\necho recorder 1.2\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private final ReleaseSigner signer = new ReleaseSigner();
    private ServiceHarness harness;
    private volatile List<UpdateDirective> directives = List.of();
    private volatile ContentDirective content;

    @BeforeEach
    void setUp() {
        harness = new ServiceHarness(home, ServiceHarness.DEFAULT_TIMING, new ServiceSettings.UpdateSettings(
                List.of(signer.publicKey()), 2468, HEALTH, PACKAGE_COMMAND));
        InstalledRecorder installed = new InstalledRecorder(new ClientHome(home), harness.recorder.program(),
                PACKAGE_COMMAND);
        harness.updates = new UpdateAgent(new ClientHome(home), harness.recorder, installed, harness.scheduler,
                Runnable::run, CLIENT_VERSION, new UpdateAgent.Timing(Duration.ofSeconds(5), Duration.ofMinutes(1)));
        harness.server().answer(harness.licensing(() -> directives, () -> content));
    }

    @Test
    void an_update_is_downloaded_installed_side_by_side_switched_to_and_reported_installed_after_the_health_period()
            throws Exception {
        directives = List.of(published(NEW, PACKAGE, 7));
        harness.start();

        Path installed = home.resolve("versions/recorder/1.2.345/recorder.sh");
        assertThat(harness.server().downloads()).containsExactly(new ScriptedServer.Download(download(PACKAGE), 0));
        assertThat(installed).hasBinaryContent(PACKAGE);
        assertThat(Files.isExecutable(installed)).isTrue();
        assertThat(new InstalledVersions(new ClientHome(home)).current(Product.RECORDER)).get()
                .isEqualTo(new InstalledPackage(NEW, "recorder.sh", sha(PACKAGE), null));
        assertThat(harness.recorder.program()).isEqualTo(new RecorderProgram(List.of("/bin/sh", installed.toString()), NEW));
        assertThat(lastReport().updates()).singleElement().satisfies(report -> {
            assertThat(report.state()).isEqualTo(UpdateState.DOWNLOADING);
            assertThat(report.version()).isEqualTo(NEW);
            assertThat(report.rolloutId()).isEqualTo(7);
        });
        assertThat(lastReport().recorderVersion()).isEqualTo(NEW);

        harness.advance(HEALTH);

        assertThat(lastReport().updates()).containsExactly(
                new UpdateReport(Product.RECORDER, NEW, 7, UpdateState.INSTALLED, ""));
        assertThat(harness.status().installedRecorder()).isEqualTo(NEW);
        assertThat(harness.status().recorderVersion()).isEqualTo(NEW);
        assertThat(harness.server().downloads()).hasSize(1);
    }

    @Test
    void reports_ride_on_every_verify_until_the_server_stops_sending_the_directive() {
        directives = List.of(published(NEW, PACKAGE, 7));
        harness.start();
        harness.advance(HEALTH);

        harness.advance(Duration.ofHours(4));
        assertThat(lastVerify().updates()).extracting(UpdateReport::state).containsExactly(UpdateState.INSTALLED);
        assertThat(lastVerify().recorderVersion()).isEqualTo(NEW);

        directives = List.of();
        harness.advance(Duration.ofHours(4));
        assertThat(lastVerify().updates()).hasSize(1);
        harness.advance(Duration.ofHours(4));
        assertThat(lastVerify().updates()).isEmpty();
        assertThat(harness.status().updates()).isEmpty();
    }

    @Test
    void check_ins_announce_the_nudge_port_the_client_version_and_the_content_revision() {
        harness.nudge = new NudgeSettings(2468, Duration.ofSeconds(10));
        harness.start();
        harness.advance(Duration.ofHours(4));

        RegisterRequest register = (RegisterRequest) harness.server().checkIns().get(0).request();
        assertThat(register.nudgePort()).isEqualTo(2468);
        VerifyRequest verify = lastVerify();
        assertThat(verify.nudgePort()).isEqualTo(2468);
        assertThat(verify.clientVersion()).isEqualTo(
                dev.primary.protocol.ProductVersion.wireFormOf(System.getProperty("primary.expected.version")));
        assertThat(verify.contentRevision()).isZero();
    }

    @Test
    void a_recorder_that_exits_in_its_health_period_is_rolled_back_reported_failed_and_not_retried_for_that_rollout() {
        directives = List.of(published(NEW, PACKAGE, 7));
        harness.start();

        harness.recorder.exit(1, Duration.ofMillis(200));
        harness.scheduler.runDue();

        assertThat(harness.recorder.program().version()).isEqualTo(ServiceHarness.RECORDER_VERSION);
        assertThat(harness.recorder.program().command()).containsExactly("recorder");
        assertThat(home.resolve("versions/recorder/current")).doesNotExist();
        assertThat(home.resolve("versions/recorder/1.2.345")).doesNotExist();
        assertThat(lastReport().updates()).containsExactly(new UpdateReport(Product.RECORDER, NEW, 7, UpdateState.FAILED,
                "Recorder V 1.2 (0345) exited with code 1 after 0.2 s; rolled back to V 1.0 (0001)"));

        harness.advance(Duration.ofHours(4));
        assertThat(harness.server().downloads()).hasSize(1);
        assertThat(lastVerify().updates()).extracting(UpdateReport::state).containsExactly(UpdateState.FAILED);
        assertThat(lastVerify().recorderVersion()).isEqualTo(ServiceHarness.RECORDER_VERSION);

        directives = List.of(published(NEW, PACKAGE, 8));
        harness.advance(Duration.ofHours(4));
        assertThat(harness.server().downloads()).hasSize(2);
        assertThat(harness.recorder.program().version()).isEqualTo(NEW);
    }

    @Test
    void a_restart_in_the_health_period_runs_the_new_version_and_checks_its_health_again() {
        directives = List.of(published(NEW, PACKAGE, 7));
        harness.start();
        harness.advance(Duration.ofSeconds(20));

        harness.restart();
        harness.advance(Duration.ofSeconds(20));
        assertThat(harness.status().updates()).extracting(UpdateReport::state).containsExactly(UpdateState.DOWNLOADING);

        harness.advance(Duration.ofSeconds(10));
        assertThat(harness.status().updates()).extracting(UpdateReport::state).containsExactly(UpdateState.INSTALLED);
        assertThat(harness.server().downloads()).hasSize(1);
    }

    @Test
    void a_package_whose_digest_differs_from_the_signed_manifest_is_refused_and_nothing_is_touched() {
        byte[] tampered = PACKAGE.clone();
        tampered[3] ^= 1;
        UpdateDirective directive = published(NEW, PACKAGE, 7);
        harness.server().servePackage(directive.download(), tampered);
        directives = List.of(directive);
        harness.start();

        assertRefusedWith("package SHA-256 ");
        assertThat(lastReport().updates().get(0).reason()).contains("does not match the signed manifest's")
                .contains("the package was altered");
        assertThat(home.resolve("downloads")).isEmptyDirectory();
    }

    @Test
    void a_manifest_whose_signature_does_not_verify_is_refused() {
        UpdateDirective genuine = published(NEW, PACKAGE, 7);
        ReleaseManifest other = ReleaseSigner.manifest(Product.RECORDER, new Version(9, 0, 0), "recorder.sh", PACKAGE);
        SignedDocument forged = new SignedDocument(genuine.manifest().kind(), genuine.manifest().keyId(),
                signer.sign(other).payload(), genuine.manifest().signature());
        directives = List.of(new UpdateDirective(forged, genuine.download(), 7));
        harness.start();

        assertRefusedWith("release manifest refused: release signature does not verify");
        assertThat(harness.server().downloads()).isEmpty();
    }

    @Test
    void a_manifest_signed_by_a_key_that_is_not_pinned_is_refused() {
        ReleaseSigner stranger = new ReleaseSigner();
        ReleaseManifest manifest = ReleaseSigner.manifest(Product.RECORDER, NEW, "recorder.sh", PACKAGE);
        harness.server().servePackage(download(PACKAGE), PACKAGE);
        directives = List.of(stranger.directive(manifest, 7));
        harness.start();

        assertRefusedWith("release manifest is signed by key " + stranger.publicKey().keyId()
                + ", which is not a release key pinned in client.json");
        assertThat(harness.server().downloads()).isEmpty();
    }

    @Test
    void an_older_version_is_refused_unless_the_manifest_is_a_signed_downgrade() {
        Version older = new Version(0, 9, 1);
        directives = List.of(published(older, PACKAGE, 7));
        harness.start();

        assertRefusedWith("recorder V 0.9 (0001) is older than the running V 1.0 (0001); only a release signed as a "
                + "downgrade may replace a newer version");

        ReleaseManifest plain = ReleaseSigner.manifest(Product.RECORDER, older, "recorder.sh", PACKAGE);
        ReleaseManifest downgrade = new ReleaseManifest(plain.product(), plain.version(), plain.fileName(), plain.size(),
                plain.sha256(), plain.minimumClientVersion(), plain.notes(), plain.createdAt(), true);
        directives = List.of(signer.directive(downgrade, 8));
        harness.advance(Duration.ofHours(4));
        assertThat(harness.recorder.program().version()).isEqualTo(older);
    }

    @Test
    void a_release_that_needs_a_newer_client_service_is_refused() {
        ReleaseManifest plain = ReleaseSigner.manifest(Product.RECORDER, NEW, "recorder.sh", PACKAGE);
        ReleaseManifest demanding = new ReleaseManifest(plain.product(), plain.version(), plain.fileName(), plain.size(),
                plain.sha256(), new Version(9, 0, 0), plain.notes(), plain.createdAt(), false);
        harness.server().servePackage(download(PACKAGE), PACKAGE);
        directives = List.of(signer.directive(demanding, 7));
        harness.start();

        assertRefusedWith("recorder V 1.2 (0345) needs Client Service V 9.0 (0000) or later; this is V 0.1 (0000)");
    }

    @Test
    void a_package_of_another_size_than_signed_is_refused() {
        UpdateDirective directive = published(NEW, PACKAGE, 7);
        harness.server().servePackage(directive.download(), "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        directives = List.of(directive);
        harness.start();

        assertRefusedWith("the server's package has 10 bytes, the signed manifest says " + PACKAGE.length);
    }

    @Test
    void an_older_client_service_is_refused() {
        byte[] jar = "client service 0.0.9".getBytes(StandardCharsets.UTF_8);
        ReleaseManifest manifest = ReleaseSigner.manifest(Product.CLIENT_SERVICE, new Version(0, 0, 9), "client.jar", jar);
        harness.server().servePackage(download(jar), jar);
        directives = List.of(signer.directive(manifest, 9));
        harness.start();

        assertThat(lastReport().updates()).singleElement().satisfies(report -> {
            assertThat(report.state()).isEqualTo(UpdateState.FAILED);
            assertThat(report.reason()).isEqualTo("client-service V 0.0 (0009) is older than the running V 0.1 (0000); "
                    + "only a release signed as a downgrade may replace a newer version");
        });
        assertThat(home.resolve("versions")).doesNotExist();
    }

    @Test
    void an_interrupted_download_resumes_from_the_byte_it_reached() {
        byte[] large = new byte[300_000];
        System.arraycopy(PACKAGE, 0, large, 0, PACKAGE.length);
        directives = List.of(published(NEW, large, 7));
        harness.server().cutNextDownloadAfter(100_000);
        harness.start();

        assertThat(harness.recorder.program().version()).isEqualTo(ServiceHarness.RECORDER_VERSION);
        assertThat(home.resolve("downloads").resolve(sha(large) + ".part")).hasSize(100_000);

        harness.advance(Duration.ofSeconds(5));

        assertThat(harness.server().downloads()).extracting(ScriptedServer.Download::offset).containsExactly(0L, 100_000L);
        assertThat(harness.recorder.program().version()).isEqualTo(NEW);
    }

    @Test
    void a_download_stops_and_is_discarded_when_the_server_no_longer_directs_the_update() {
        byte[] large = new byte[300_000];
        directives = List.of(published(NEW, large, 7));
        harness.server().cutNextDownloadAfter(100_000);
        harness.start();
        directives = List.of();

        harness.service.nudged();
        harness.scheduler.runDue();
        harness.advance(Duration.ofMinutes(5));

        assertThat(harness.server().downloads()).hasSize(1);
        assertThat(harness.status().updates()).isEmpty();
        assertThat(harness.recorder.program().version()).isEqualTo(ServiceHarness.RECORDER_VERSION);
        assertThat(home.resolve("downloads")).isEmptyDirectory();
    }

    @Test
    void a_content_update_is_applied_and_its_revision_reported_and_an_older_one_is_not_applied() throws Exception {
        byte[] rules = "rules v3".getBytes(StandardCharsets.UTF_8);
        content = signer.contentDirective(3, "rules.dat", rules);
        harness.server().servePackage(content.download(), rules);
        harness.start();

        assertThat(home.resolve("content/3/rules.dat")).hasBinaryContent(rules);
        assertThat(Files.readString(home.resolve("content/current"))).contains("\"revision\" : 3");
        assertThat(lastReport().contentRevision()).isEqualTo(3);
        harness.advance(Duration.ofHours(4));
        assertThat(lastVerify().contentRevision()).isEqualTo(3);
        assertThat(harness.status().contentRevision()).isEqualTo(3);

        byte[] older = "rules v2".getBytes(StandardCharsets.UTF_8);
        content = signer.contentDirective(2, "rules.dat", older);
        harness.server().servePackage(content.download(), older);
        harness.advance(Duration.ofHours(4));
        assertThat(home.resolve("content/2")).doesNotExist();
        assertThat(harness.status().contentRevision()).isEqualTo(3);
    }

    @Test
    void a_flood_of_nudges_yields_one_check_in_per_nudge_interval() {
        harness.nudge = new NudgeSettings(2468, Duration.ofSeconds(10));
        harness.start();
        int before = harness.server().checkIns().size();

        for (int i = 0; i < 100; i++) {
            harness.service.nudged();
        }
        harness.scheduler.runDue();
        assertThat(harness.server().checkIns()).hasSize(before + 1);

        harness.advance(Duration.ofSeconds(9));
        harness.service.nudged();
        harness.scheduler.runDue();
        assertThat(harness.server().checkIns()).hasSize(before + 1);

        harness.advance(Duration.ofSeconds(1));
        harness.service.nudged();
        harness.scheduler.runDue();
        assertThat(harness.server().checkIns()).hasSize(before + 2);
        assertThat(harness.server().checkIns().get(before + 1).at()).isEqualTo(ServiceHarness.START.plusSeconds(10));
    }

    private void assertRefusedWith(String reasonStart) {
        assertThat(harness.recorder.switches()).isEmpty();
        assertThat(harness.recorder.program().version()).isEqualTo(ServiceHarness.RECORDER_VERSION);
        assertThat(home.resolve("versions/recorder/current")).doesNotExist();
        assertThat(lastReport().updates()).singleElement().satisfies(report -> {
            assertThat(report.state()).isEqualTo(UpdateState.FAILED);
            assertThat(report.reason()).startsWith(reasonStart);
        });
        assertThat(harness.status().updates()).extracting(UpdateReport::state).containsExactly(UpdateState.FAILED);
    }

    /** A signed release of {@code bytes}, served by the scripted server, as a directive of {@code rolloutId}. */
    private UpdateDirective published(Version version, byte[] bytes, long rolloutId) {
        ReleaseManifest manifest = ReleaseSigner.manifest(Product.RECORDER, version, "recorder.sh", bytes);
        harness.server().servePackage(download(bytes), bytes);
        return signer.directive(manifest, rolloutId);
    }

    private static String download(byte[] bytes) {
        return ReleaseSigner.downloadPath(sha(bytes));
    }

    private static String sha(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    private ReportRequest lastReport() {
        List<ReportRequest> reports = harness.server().reports();
        assertThat(reports).isNotEmpty();
        return reports.get(reports.size() - 1);
    }

    private VerifyRequest lastVerify() {
        List<VerifyRequest> verifies = harness.server().checkIns().stream()
                .filter(call -> call.kind().equals("verify"))
                .map(call -> (VerifyRequest) call.request())
                .toList();
        assertThat(verifies).isNotEmpty();
        return Json.read(Json.write(verifies.get(verifies.size() - 1)), VerifyRequest.class);
    }
}
