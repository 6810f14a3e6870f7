package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ConfiguredSettings;
import dev.primary.client.home.ClientHome;
import dev.primary.client.recorder.RecorderSupervisor;
import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.testing.RecorderPackages;
import dev.primary.client.testing.ReleaseSigner;
import dev.primary.client.testing.TestInstall;
import dev.primary.client.testing.WithServiceRuntime;
import dev.primary.client.update.UpdateAgent;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Updates end to end in-process: real HTTPS to the fake server (signed, ranged package downloads it can cut),
 * real files, and Recorder packages that are real shell scripts run as processes.
 */
class UpdateRuntimeTest extends WithServiceRuntime {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Version NEW = new Version(1, 2, 345);
    private static final ServiceRuntime.Options FAST = new ServiceRuntime.Options(Duration.ofMillis(100),
            new RecorderSupervisor.Timing(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10),
                    Duration.ofMinutes(1)), false, new UpdateAgent.Timing(Duration.ofMillis(200), Duration.ofSeconds(1)),
            Duration.ofSeconds(10));
    private static final ClientConfiguration.Updates SHORT_HEALTH = new ClientConfiguration.Updates(0, "1s");

    @Test
    void an_update_replaces_the_running_recorder_with_the_new_version_and_is_reported_installed() throws Exception {
        startLicensed();

        publish(RecorderPackages.sampleRecorder(home, NEW), 7);
        Eventually.waitUntil("the update reported installed", WAIT, () -> reported(UpdateState.INSTALLED).isPresent());

        assertThat(lines(RecorderPackages.logOf(home, NEW))).isNotEmpty().allMatch(line -> line.endsWith(" recording")
                || line.endsWith(" stopped"));
        List<String> original = lines(home.resolve("recorder.log"));
        assertThat(original.get(original.size() - 1)).endsWith(" stopped");
        assertThat(reported(UpdateState.INSTALLED).get()).isEqualTo(
                new UpdateReport(Product.RECORDER, NEW, 7, UpdateState.INSTALLED, ""));
        assertThat(server.reports()).extracting(ReportRequest::recorderVersion).contains(NEW);
        assertThat(server.reports()).flatExtracting(ReportRequest::updates).extracting(UpdateReport::state)
                .contains(UpdateState.DOWNLOADING);
        assertThat(home.resolve("versions/recorder/1.2.345/recorder.sh")).exists();
        Eventually.waitUntil("the state file shows the new version", WAIT,
                () -> state().map(state -> NEW.equals(state.installedRecorder()) && state.recorderRunning()
                        && NEW.equals(state.recorderVersion())).orElse(false));
    }

    @Test
    void after_a_restart_the_installed_version_runs_is_reported_and_shown_by_status() throws Exception {
        startLicensed();
        publish(RecorderPackages.sampleRecorder(home, NEW), 7);
        Eventually.waitUntil("the update reported installed", WAIT, () -> reported(UpdateState.INSTALLED).isPresent());
        server.direct(List.of());
        runtime.stop();
        int linesBefore = lines(RecorderPackages.logOf(home, NEW)).size();
        int verifiesBefore = server.verifies().size();

        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);

        Eventually.waitUntil("the new version recording again", WAIT,
                () -> lines(RecorderPackages.logOf(home, NEW)).size() > linesBefore + 2);
        Eventually.waitUntil("a check-in after the restart", WAIT, () -> server.verifies().size() > verifiesBefore);
        assertThat(server.verifies().get(verifiesBefore).recorderVersion()).isEqualTo(NEW);
        assertThat(lines(home.resolve("recorder.log")).get(lines(home.resolve("recorder.log")).size() - 1))
                .endsWith(" stopped");
        CliRun status = CliRun.of("status", "--home", home.toString());
        assertThat(status.out()).contains("recorder:      running, V 1.2 (0345)", "installed:     V 1.2 (0345)",
                "content:       none");
    }

    @Test
    void a_recorder_that_exits_at_once_is_rolled_back_automatically_and_reported_failed() throws Exception {
        startLicensed();
        int recordedBefore = lines(home.resolve("recorder.log")).size();

        publish(RecorderPackages.exitingAtOnce(), 7);
        Eventually.waitUntil("the update reported failed", WAIT, () -> reported(UpdateState.FAILED).isPresent());

        assertThat(reported(UpdateState.FAILED).get().reason())
                .matches("Recorder V 1\\.2 \\(0345\\) exited with code 3 after \\d+\\.\\d s; rolled back to V 1\\.0 \\(0001\\)");
        assertThat(home.resolve("versions/recorder/current")).doesNotExist();
        Eventually.waitUntil("the original Recorder recording again", WAIT,
                () -> lines(home.resolve("recorder.log")).size() > recordedBefore + 3);
        Eventually.waitUntil("the state file shows the original version", WAIT, () -> state()
                .map(state -> TestInstall.RECORDER_VERSION.equals(state.installedRecorder()) && state.recorderRunning())
                .orElse(false));
        assertThat(Files.readString(home.resolve("recorder.out"))).contains("this recorder cannot start");
    }

    @Test
    void an_interrupted_download_resumes_from_the_byte_it_reached() throws Exception {
        startLicensed();
        byte[] large = RecorderPackages.sampleRecorderOfSize(home, NEW, 1_000_000);
        server.cutNextDownloadAfter(400_000);

        publish(large, 7);
        Eventually.waitUntil("the update reported installed", WAIT, () -> reported(UpdateState.INSTALLED).isPresent());

        List<FakePrimaryServer.PackageSent> sent = server.packagesSent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).range()).isNull();
        assertThat(sent.get(0).bytesSent()).isEqualTo(400_000);
        assertThat(sent.get(1).range()).isEqualTo("bytes=400000-");
        assertThat(sent.get(1).status()).isEqualTo(206);
        assertThat(sent.stream().mapToLong(FakePrimaryServer.PackageSent::bytesSent).sum()).isEqualTo(large.length);
        assertThat(home.resolve("versions/recorder/1.2.345/recorder.sh")).hasBinaryContent(large);
    }

    @Test
    void a_slow_download_does_not_hold_up_check_ins() throws Exception {
        startLicensed();
        byte[] large = RecorderPackages.sampleRecorderOfSize(home, NEW, 500_000);
        // The download stays paused until the check-in is seen: no window for a loaded machine to miss.
        CountDownLatch resumeDownload = server.pauseNextDownloadAfter(100_000);

        publish(large, 7);
        Eventually.waitUntil("the download under way", WAIT, () -> partFile(large).map(this::sizeOf).orElse(0L) > 0);
        int verifiesDuringDownload = server.verifies().size();
        checkInNow();

        Eventually.waitUntil("a check-in while the download waits", WAIT,
                () -> server.verifies().size() > verifiesDuringDownload);
        assertThat(server.packagesSent()).isEmpty();
        resumeDownload.countDown();
        Eventually.waitUntil("the update reported installed", WAIT, () -> reported(UpdateState.INSTALLED).isPresent());
        assertThat(server.packagesSent()).singleElement().extracting(FakePrimaryServer.PackageSent::bytesSent)
                .isEqualTo((long) large.length);
    }

    @Test
    void a_tampered_package_is_refused_and_the_running_recorder_is_untouched() throws Exception {
        startLicensed();
        byte[] genuine = RecorderPackages.sampleRecorder(home, NEW);
        byte[] tampered = genuine.clone();
        tampered[tampered.length - 1] = ' ';
        ReleaseManifest manifest = ReleaseSigner.manifest(Product.RECORDER, NEW, "recorder.sh", genuine);
        server.servePackageAt(manifest.sha256(), tampered);
        server.direct(List.of(server.releases().directive(manifest, 7)));
        checkInNow();

        Eventually.waitUntil("the update reported failed", WAIT, () -> reported(UpdateState.FAILED).isPresent());

        assertThat(reported(UpdateState.FAILED).get().reason()).isEqualTo("package SHA-256 " + Sha256.hex(tampered)
                + " does not match the signed manifest's " + manifest.sha256() + ": the package was altered");
        assertThat(home.resolve("versions")).doesNotExist();
        assertThat(RecorderPackages.logOf(home, NEW)).doesNotExist();
        assertThat(state()).get().satisfies(state -> {
            assertThat(state.recorderRunning()).isTrue();
            assertThat(state.installedRecorder()).isEqualTo(TestInstall.RECORDER_VERSION);
        });
    }

    @Test
    void a_content_update_is_applied_and_its_revision_reported() throws Exception {
        TestInstall.install(home, server.configServer(), SHORT_HEALTH);
        runtime = ServiceRuntime.start(new ClientHome(home), new ConfiguredSettings.Overrides("SIM-0001", null,
                Duration.ofMillis(250), Duration.ofSeconds(1)), FAST);
        byte[] rules = "signature rules, revision 3\n".getBytes(StandardCharsets.UTF_8);
        server.servePackage(rules);
        server.directContent(server.releases().contentDirective(3, "rules.dat", rules));

        Eventually.waitUntil("the content revision reported", WAIT,
                () -> server.reports().stream().anyMatch(report -> report.contentRevision() == 3));
        Eventually.waitUntil("a verify carrying the content revision", WAIT,
                () -> server.verifies().stream().anyMatch(verify -> verify.contentRevision() == 3));

        assertThat(home.resolve("content/3/rules.dat")).hasBinaryContent(rules);
        Eventually.waitUntil("the state file shows the revision", WAIT,
                () -> state().map(state -> state.contentRevision() == 3).orElse(false));
        assertThat(CliRun.of("status", "--home", home.toString()).out()).contains("content:       revision 3");
    }

    private void startLicensed() {
        TestInstall.install(home, server.configServer(), SHORT_HEALTH);
        runtime = ServiceRuntime.start(new ClientHome(home), SIMULATED, FAST);
        Eventually.waitUntil("licensed and recording", WAIT, () -> lines(home.resolve("recorder.log")).size() >= 2);
    }

    /** Serves {@code bytes} as Recorder {@link #NEW} and directs it; the client checks in at once. */
    private void publish(byte[] bytes, long rolloutId) throws IOException {
        server.servePackage(bytes);
        UpdateDirective directive = server.releases().directive(
                ReleaseSigner.manifest(Product.RECORDER, NEW, "recorder.sh", bytes), rolloutId);
        server.direct(List.of(directive));
        checkInNow();
    }

    /** Makes the running client check in at once: a changed client.json is re-read and followed by a check-in. */
    private void checkInNow() throws IOException {
        Path config = home.resolve("client.json");
        Files.writeString(config, Files.readString(config) + " ");
    }

    private Optional<Path> partFile(byte[] bytes) {
        Path part = home.resolve("downloads").resolve(Sha256.hex(bytes) + ".part");
        return Files.exists(part) ? Optional.of(part) : Optional.empty();
    }

    private long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private Optional<UpdateReport> reported(UpdateState state) {
        List<UpdateReport> reports = server.reports().stream().flatMap(report -> report.updates().stream())
                .filter(report -> report.state() == state)
                .toList();
        return reports.isEmpty() ? Optional.empty() : Optional.of(reports.get(reports.size() - 1));
    }
}
