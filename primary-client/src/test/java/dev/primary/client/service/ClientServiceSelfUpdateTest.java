package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.ClientHome;
import dev.primary.client.testing.ReleaseSigner;
import dev.primary.client.testing.ScriptedServer;
import dev.primary.client.update.InstalledRecorder;
import dev.primary.client.update.ServiceRestart;
import dev.primary.client.update.ServiceSelection;
import dev.primary.client.update.UpdateAgent;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.release.UpdateReport;
import dev.primary.protocol.release.UpdateState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Client Service that updates itself, on fake time with a scripted server: each "process" of a version is an
 * update agent told which version it is, restarted on the same home as the launcher would start it. The launcher's
 * own part (counting starts, rolling back a version that does not start) is played by writing its lines into the
 * trial file, as it does.
 */
class ClientServiceSelfUpdateTest {
    private static final Version A = new Version(0, 1, 0);
    private static final Version B = new Version(0, 1, 1);
    private static final Version C = new Version(0, 1, 2);
    private static final Duration SERVICE_HEALTH = Duration.ofSeconds(30);
    private static final List<String> PACKAGE_COMMAND = List.of("/bin/sh", "{package}");

    @TempDir
    Path home;

    private final ReleaseSigner signer = new ReleaseSigner();
    private ServiceHarness harness;
    private CountedRestarts restarts;
    private volatile List<UpdateDirective> directives = List.of();

    @BeforeEach
    void setUp() {
        harness = new ServiceHarness(home, ServiceHarness.DEFAULT_TIMING, new ServiceSettings.UpdateSettings(
                List.of(signer.publicKey()), 2468, Duration.ofSeconds(30), PACKAGE_COMMAND, SERVICE_HEALTH));
        harness.server().answer(harness.licensing(() -> directives, () -> null));
        runAs(A);
    }

    @Test
    void a_new_version_is_unpacked_selected_and_restarted_into_then_installed_once_it_reaches_the_server() {
        directives = List.of(published(B, 4));
        harness.start();

        assertThat(home.resolve("versions/client-service/0.1.1/lib/primary-client-0.1.1.jar")).exists();
        assertThat(selection().selected()).contains(B);
        assertThat(selection().trial()).get().satisfies(trial -> {
            assertThat(trial.version()).isEqualTo(B);
            assertThat(trial.rollback()).isEmpty();
            assertThat(trial.rollbackVersion()).isEqualTo(A);
        });
        assertThat(restarts.requested).isEqualTo(1);

        directives = List.of(); // the server directs nothing to a computer that runs the target version
        startedByLauncherAs(B);

        assertThat(lastReport().updates()).containsExactly(
                new UpdateReport(Product.CLIENT_SERVICE, B, 4, UpdateState.INSTALLED, ""));
        assertThat(selection().trial()).isEmpty();
        assertThat(selection().selected()).contains(B);
        assertThat(restarts.requested).isZero();
        assertThat(harness.server().downloads()).hasSize(1);
    }

    @Test
    void a_version_that_does_not_reach_the_server_within_the_health_period_goes_back_and_is_reported_failed() {
        directives = List.of(published(B, 4));
        harness.start();
        startedByLauncherAs(B);
        directives = List.of(published(C, 5));
        harness.advance(Duration.ofHours(4));
        assertThat(restarts.requested).isEqualTo(1);
        assertThat(selection().trial()).get().extracting(ServiceSelection.Trial::rollback).isEqualTo(Optional.of(B));

        harness.server().answer(ScriptedServer.unreachable());
        startedByLauncherAs(C);
        harness.advance(SERVICE_HEALTH.minusSeconds(1));
        assertThat(restarts.requested).as("restarts before the health period is over").isZero();
        harness.advance(Duration.ofSeconds(1));

        assertThat(restarts.requested).isEqualTo(1);
        assertThat(selection().selected()).contains(B);

        harness.server().answer(harness.licensing(() -> directives, () -> null));
        startedByLauncherAs(B);

        assertThat(lastReport().updates()).containsExactly(new UpdateReport(Product.CLIENT_SERVICE, C, 5,
                UpdateState.FAILED, "Client Service V 0.1 (0002) did not reach the server within 30 s; "
                        + "rolled back to V 0.1 (0001)"));
        assertThat(selection().trial()).isEmpty();
        assertThat(home.resolve("versions/client-service/0.1.2")).doesNotExist();

        harness.advance(Duration.ofHours(4));
        assertThat(harness.server().downloads()).as("the failed release is not tried again").hasSize(2);
        assertThat(restarts.requested).isZero();
    }

    @Test
    void a_version_the_launcher_rolled_back_after_failed_starts_is_reported_failed_by_the_version_before() {
        directives = List.of(published(B, 4));
        harness.start();
        appendToTrial("launch\nlaunch\nlaunch\nfailed=did not start: exited with code 1 at each of its 3 starts, the last after 0 s\n");
        writeSelected(Optional.empty());

        runAs(A);
        harness.restart();

        assertThat(lastReport().updates()).containsExactly(new UpdateReport(Product.CLIENT_SERVICE, B, 4,
                UpdateState.FAILED, "Client Service V 0.1 (0001) did not start: exited with code 1 at each of its 3 "
                        + "starts, the last after 0 s; rolled back to V 0.1 (0000)"));
        assertThat(selection().trial()).isEmpty();
        assertThat(restarts.requested).isZero();
    }

    @Test
    void without_a_restarting_launcher_a_new_version_is_staged_and_waits_for_the_next_start() {
        restarts = null;
        harness.updates = agent(A, ServiceRestart.NONE);
        directives = List.of(published(B, 4));
        harness.start();

        assertThat(selection().selected()).contains(B);
        assertThat(lastReport().updates()).containsExactly(new UpdateReport(Product.CLIENT_SERVICE, B, 4,
                UpdateState.DOWNLOADING, "installed; starts when the service restarts"));

        harness.restart();
        harness.advance(SERVICE_HEALTH.multipliedBy(2));
        assertThat(selection().trial()).as("still waiting for a start as B").isPresent();
        assertThat(lastVerifyReports()).extracting(UpdateReport::state).containsExactly(UpdateState.DOWNLOADING);
    }

    @Test
    void a_package_that_is_not_a_zip_of_jars_under_lib_is_refused_and_nothing_is_selected() {
        byte[] notAZip = "not a zip".getBytes(StandardCharsets.UTF_8);
        ReleaseManifest manifest = ReleaseSigner.manifest(Product.CLIENT_SERVICE, B, "client-service.zip", notAZip);
        harness.server().servePackage(ReleaseSigner.downloadPath(Sha256.hex(notAZip)), notAZip);
        directives = List.of(signer.directive(manifest, 4));
        harness.start();

        assertThat(lastReport().updates()).singleElement().satisfies(report -> {
            assertThat(report.state()).isEqualTo(UpdateState.FAILED);
            assertThat(report.reason()).startsWith("not a Client Service package");
        });
        assertThat(selection().selected()).isEmpty();
        assertThat(restarts.requested).isZero();
    }

    /** The next "process" runs as {@code version}, started by a launcher that counts the start. */
    private void startedByLauncherAs(Version version) {
        boolean onTrial = selection().trial()
                .filter(trial -> trial.version().equals(version) && trial.failure().isEmpty()).isPresent();
        if (onTrial) {
            appendToTrial("launch\n");
        }
        runAs(version);
        harness.restart();
    }

    private void runAs(Version version) {
        restarts = new CountedRestarts();
        harness.updates = agent(version, restarts);
    }

    private UpdateAgent agent(Version version, ServiceRestart restart) {
        InstalledRecorder installed = new InstalledRecorder(new ClientHome(home), harness.recorder.program(),
                PACKAGE_COMMAND);
        return new UpdateAgent(new ClientHome(home), harness.recorder, installed, harness.scheduler, Runnable::run,
                version, new UpdateAgent.Timing(Duration.ofSeconds(5), Duration.ofMinutes(1)), restart);
    }

    private UpdateDirective published(Version version, long rolloutId) {
        byte[] zip = servicePackage(version);
        ReleaseManifest manifest = ReleaseSigner.manifest(Product.CLIENT_SERVICE, version,
                "client-service-" + version.dotted() + ".zip", zip);
        harness.server().servePackage(ReleaseSigner.downloadPath(Sha256.hex(zip)), zip);
        return signer.directive(manifest, rolloutId);
    }

    static byte[] servicePackage(Version version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> jar : Map.of("primary-client-" + version.dotted() + ".jar", "client",
                    "picocli-4.7.7.jar", "picocli").entrySet()) {
                zip.putNextEntry(new ZipEntry("lib/" + jar.getKey()));
                zip.write(jar.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private ServiceSelection selection() {
        return new ServiceSelection(new ClientHome(home));
    }

    private void appendToTrial(String lines) {
        try {
            Files.writeString(home.resolve("versions/client-service/trial"), lines, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSelected(Optional<Version> version) {
        try {
            Path selected = home.resolve("versions/client-service/selected");
            if (version.isPresent()) {
                Files.writeString(selected, version.get().dotted() + "\n");
            } else {
                Files.deleteIfExists(selected);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReportRequest lastReport() {
        List<ReportRequest> reports = harness.server().reports();
        assertThat(reports).isNotEmpty();
        return reports.get(reports.size() - 1);
    }

    private List<UpdateReport> lastVerifyReports() {
        List<dev.primary.protocol.message.VerifyRequest> verifies = harness.server().checkIns().stream()
                .filter(call -> call.kind().equals("verify"))
                .map(call -> (dev.primary.protocol.message.VerifyRequest) call.request())
                .toList();
        assertThat(verifies).isNotEmpty();
        return verifies.get(verifies.size() - 1).updates();
    }

    /** Counts the restarts a version asked for; the "process" goes on until the test starts the next one. */
    private static final class CountedRestarts implements ServiceRestart {
        int requested;

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void request() {
            requested++;
        }
    }
}
