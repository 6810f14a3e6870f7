package dev.primary.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.admin.GroupAssignment;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.admin.RolloutChange;
import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.protocol.release.UpdateState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** primary-admin's update commands against a stand-in admin API: what each sends and what it prints. */
class UpdateCommandsTest {
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private static final Version V1_2 = new Version(1, 2, 345);
    private static final SigningKey RELEASE_KEY = Ed25519.generate();

    @TempDir
    Path temp;

    private static FakeAdminServer server;
    private Path dataDirectory;
    private Path packageFile;
    private String packageText;

    @BeforeAll
    static void startServer() {
        server = new FakeAdminServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void prepare() throws IOException {
        server.reset();
        dataDirectory = server.writeDataDirectory(temp.resolve("data"));
        packageFile = temp.resolve("recorder-1.2.345.pkg");
        packageText = "recorder package bytes\n".repeat(100);
        Files.writeString(packageFile, packageText, StandardCharsets.UTF_8);
    }

    private String packageSha256() {
        return Sha256.hex(packageText.getBytes(StandardCharsets.UTF_8));
    }

    private long packageSize() {
        return packageText.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void package_upload_streams_the_file_to_its_sha256_address() {
        server.answer("PUT", "/admin/v1/packages/" + packageSha256(), 201,
                Map.of("sha256", packageSha256(), "size", packageSize()));

        AdminRun run = admin("package", "upload", packageFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        FakeAdminServer.Request upload = server.requests().get(0);
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.body()).isEqualTo(packageText);
        assertThat(upload.contentType()).isEqualTo("application/octet-stream");
        assertThat(run.out()).isEqualTo("Uploaded recorder-1.2.345.pkg: 2.2 KiB, sha256 " + packageSha256() + "\n");
    }

    @Test
    void a_package_already_stored_says_so() {
        server.answer("PUT", "/admin/v1/packages/" + packageSha256(), 200,
                Map.of("sha256", packageSha256(), "size", packageSize()));

        AdminRun run = admin("package", "upload", packageFile.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Already stored, not sent twice: recorder-1.2.345.pkg");
    }

    @Test
    void release_add_uploads_the_package_then_adds_the_signed_manifest_as_is() throws IOException {
        SignedDocument manifest = releaseManifest(packageSize(), packageSha256());
        Path manifestFile = write("recorder.release", manifest);
        server.answer("PUT", "/admin/v1/packages/" + packageSha256(), 201, Map.of("sha256", packageSha256()));
        server.answer("POST", "/admin/v1/releases", 201, releaseView(0));

        AdminRun run = admin("release", "add", manifestFile.toString(), "--package", packageFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.requests()).extracting(FakeAdminServer.Request::method, FakeAdminServer.Request::pathAndQuery)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", "/admin/v1/packages/" + packageSha256()),
                        org.assertj.core.groups.Tuple.tuple("POST", "/admin/v1/releases"));
        assertThat(Json.read(server.requests().get(1).body().getBytes(StandardCharsets.UTF_8), SignedDocument.class))
                .isEqualTo(manifest);
        assertThat(run.out()).contains("Added recorder release V 1.2 (0345): recorder-1.2.345.pkg, 2.2 KiB, "
                + "signed by release key " + RELEASE_KEY.publicKey().keyId())
                .contains("primary-admin rollout start --product recorder --version 1.2.345");
    }

    @Test
    void release_add_refuses_a_package_the_manifest_does_not_name_before_sending_anything() throws IOException {
        Path manifestFile = write("recorder.release", releaseManifest(packageSize(), "ab".repeat(32)));

        AdminRun run = admin("release", "add", manifestFile.toString(), "--package", packageFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not the package " + manifestFile + " names");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void a_release_the_server_refuses_exits_1_with_its_reason() throws IOException {
        Path manifestFile = write("recorder.release", releaseManifest(packageSize(), packageSha256()));
        server.answer("PUT", "/admin/v1/packages/" + packageSha256(), 200, Map.of("sha256", packageSha256()));
        server.problem("POST", "/admin/v1/releases", ProblemType.CONFLICT,
                "recorder V 1.2 (0345) is not newer than V 1.3 (0001)");

        AdminRun run = admin("release", "add", manifestFile.toString(), "--package", packageFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("primary-admin: Conflict with the current state: "
                + "recorder V 1.2 (0345) is not newer than V 1.3 (0001)\n");
    }

    @Test
    void release_with_a_computer_name_still_releases_its_seat_and_without_one_is_a_usage_error() {
        server.answer("POST", "/admin/v1/computers/release", 200, computer("", List.of(), 0));

        AdminRun seat = admin("release", "CORP\\PC1", "--reason", "re-imaged");
        AdminRun nothing = admin("release");

        assertThat(seat.exitCode()).as(seat.err()).isZero();
        assertThat(server.requests()).extracting(FakeAdminServer.Request::pathAndQuery)
                .containsExactly("/admin/v1/computers/release");
        assertThat(server.requests().get(0).body()).contains("re-imaged");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("primary-admin: Missing required parameter: 'NAME'");
    }

    @Test
    void a_content_manifest_is_not_a_release() throws IOException {
        Path manifestFile = write("content.content", contentManifest());

        AdminRun run = admin("release", "add", manifestFile.toString(), "--package", packageFile.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is a content file, not a release file").contains("primary-admin content add");
    }

    @Test
    void release_list_shows_product_version_size_computers_running_and_notes() {
        server.answer("GET", "/admin/v1/releases", 200, List.of(releaseView(3)));

        AdminRun run = admin("release", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("PRODUCT").contains("VERSION", "SIZE", "RUNNING", "NOTES");
        assertThat(lines.get(1)).startsWith("recorder").contains("V 1.2 (0345)", "2.2 KiB", "3", "faster capture");
        assertThat(lines.get(1).indexOf("V 1.2 (0345)")).isEqualTo(lines.get(0).indexOf("VERSION"));
    }

    @Test
    void content_add_and_list() throws IOException {
        Path manifestFile = write("content-7.content", contentManifest());
        server.answer("PUT", "/admin/v1/packages/" + packageSha256(), 201, Map.of("sha256", packageSha256()));
        ContentView view = new ContentView(7, "recorder-1.2.345.pkg", packageSize(), packageSha256(), "new signatures",
                RELEASE_KEY.publicKey().keyId(), T0, 12);
        server.answer("POST", "/admin/v1/content", 201, view);
        server.answer("GET", "/admin/v1/content", 200, List.of(view));

        AdminRun add = admin("content", "add", manifestFile.toString(), "--package", packageFile.toString());
        AdminRun list = admin("content", "list");

        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added content revision 7: recorder-1.2.345.pkg, 2.2 KiB");
        assertThat(list.out().lines().toList().get(1)).startsWith("7").contains("recorder-1.2.345.pkg", "12",
                "2026-11-28 08:00:00Z", "new signatures");
    }

    @Test
    void rollout_start_sends_the_request_and_describes_the_rollout() throws IOException {
        server.answer("POST", "/admin/v1/rollouts", 201, rolloutView(RolloutView.State.RUNNING, 10, ""));

        AdminRun run = admin("rollout", "start", "--product", "recorder", "--version", "1.2.345", "--group", "pilot",
                "--percent", "10", "--failure-threshold", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.read(server.requests().get(0).body().getBytes(StandardCharsets.UTF_8), RolloutRequest.class))
                .isEqualTo(new RolloutRequest(Product.RECORDER, V1_2, "pilot", 10, 3));
        assertThat(run.out()).isEqualTo("Started. Rollout 4: recorder V 1.2 (0345) to 10% of group pilot, running "
                + "(assigned 2, installed 1, failed 0; halts at 3 failures)\n");
    }

    @Test
    void rollout_start_with_a_wrong_percent_or_product_is_a_usage_error_and_sends_nothing() {
        AdminRun percent = admin("rollout", "start", "--product", "recorder", "--version", "1.2.345", "--percent", "0");
        AdminRun product = admin("rollout", "start", "--product", "player", "--version", "1.2.345");

        assertThat(percent.exitCode()).isEqualTo(2);
        assertThat(percent.err()).contains("percent must be 1-100, got 0");
        assertThat(product.exitCode()).isEqualTo(2);
        assertThat(product.err()).contains("product must be recorder or client-service");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void rollout_list_percent_pause_and_resume() throws IOException {
        server.answer("GET", "/admin/v1/rollouts", 200, List.of(rolloutView(RolloutView.State.HALTED, 10,
                "halted: 3 failures reached the threshold of 3")));
        server.answer("POST", "/admin/v1/rollouts/4/percent", 200, rolloutView(RolloutView.State.RUNNING, 50, ""));
        server.answer("POST", "/admin/v1/rollouts/4/pause", 200, rolloutView(RolloutView.State.PAUSED, 50, ""));
        server.answer("POST", "/admin/v1/rollouts/4/resume", 200, rolloutView(RolloutView.State.RUNNING, 50, ""));

        AdminRun list = admin("rollout", "list");
        AdminRun percent = admin("rollout", "percent", "4", "50");
        AdminRun pause = admin("rollout", "pause", "4");
        AdminRun resume = admin("rollout", "resume", "4");

        assertThat(list.out().lines().toList().get(1)).startsWith("4").contains("recorder", "V 1.2 (0345)", "pilot",
                "10%", "halted", "0/3", "halted: 3 failures reached the threshold of 3");
        assertThat(Json.read(server.requests().get(1).body().getBytes(StandardCharsets.UTF_8), RolloutChange.class))
                .isEqualTo(new RolloutChange(50));
        assertThat(percent.out()).startsWith("Rollout 4: recorder V 1.2 (0345) to 50% of group pilot, running");
        assertThat(pause.out()).contains("paused");
        assertThat(resume.out()).contains("running");
        assertThat(server.requests()).extracting(FakeAdminServer.Request::pathAndQuery).containsExactly(
                "/admin/v1/rollouts", "/admin/v1/rollouts/4/percent", "/admin/v1/rollouts/4/pause",
                "/admin/v1/rollouts/4/resume");
    }

    @Test
    void group_set_puts_a_computer_in_a_group() throws IOException {
        server.answer("POST", "/admin/v1/computers/group", 200, computer("pilot", List.of(), 0));

        AdminRun run = admin("group", "set", "CORP\\PC1", "pilot");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.read(server.requests().get(0).body().getBytes(StandardCharsets.UTF_8), GroupAssignment.class))
                .isEqualTo(new GroupAssignment("CORP\\PC1", "pilot"));
        assertThat(run.out()).isEqualTo("CORP\\PC1 is in group pilot\n");
    }

    @Test
    void update_now_says_whether_the_nudge_reached_the_computer() {
        server.answer("POST", "/admin/v1/computers/update-now", 202,
                Map.of("nudged", true, "detail", "nudged at 10.0.0.5:2468; it checks in within seconds"));

        AdminRun run = admin("update-now", "CORP\\PC1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Nudged CORP\\PC1: nudged at 10.0.0.5:2468; it checks in within seconds\n");

        server.answer("POST", "/admin/v1/computers/update-now", 202,
                Map.of("nudged", false, "detail", "it announced no nudge port"));
        assertThat(admin("update-now", "CORP\\PC1").out()).isEqualTo("Not nudged CORP\\PC1: it announced no nudge port\n");
    }

    @Test
    void computers_shows_target_update_state_and_content_revision() {
        UpdateView failed = new UpdateView(Product.RECORDER, new Version(1, 0, 1), V1_2, UpdateState.FAILED,
                "Recorder V 1.2 (0345) exited with code 1 after 0.2 s; rolled back to V 1.0 (0001)", 4);
        server.answer("GET", "/admin/v1/computers", 200, new ComputerPage(1, 0, 100,
                List.of(computer("pilot", List.of(failed), 7))));

        AdminRun run = admin("computers");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("RECORDER", "TARGET", "UPDATE", "CONTENT", "STATE");
        assertThat(lines.get(1)).contains("V 1.0 (0001)", "V 1.2 (0345)", "failed", "7", "licensed",
                "recorder update failed: Recorder V 1.2 (0345) exited with code 1");
        assertThat(lines.get(1).indexOf("failed")).isEqualTo(lines.get(0).indexOf("UPDATE"));
    }

    @Test
    void computer_shows_its_updates_group_and_content_revision() {
        UpdateView pending = new UpdateView(Product.RECORDER, new Version(1, 0, 1), V1_2, UpdateState.PENDING, "", 4);
        server.answer("GET", "/admin/v1/computers/CORP%5CPC1", 200, computer("pilot", List.of(pending), 7));

        AdminRun run = admin("computer", "CORP\\PC1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Update recorder:    V 1.0 (0001) -> V 1.2 (0345), pending (rollout 4)",
                "Content revision:   7", "Group:              pilot");
    }

    @Test
    void every_update_command_has_help() {
        for (String[] command : List.of(new String[] {"package", "upload"}, new String[] {"release", "add"},
                new String[] {"release", "list"}, new String[] {"content", "add"}, new String[] {"content", "list"},
                new String[] {"rollout", "start"}, new String[] {"rollout", "list"}, new String[] {"rollout", "percent"},
                new String[] {"rollout", "pause"}, new String[] {"rollout", "resume"}, new String[] {"group", "set"},
                new String[] {"update-now"})) {
            String[] withHelp = java.util.Arrays.copyOf(command, command.length + 1);
            withHelp[command.length] = "--help";
            AdminRun help = AdminRun.of(withHelp);
            assertThat(help.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).startsWith("Usage: primary-admin " + String.join(" ", command));
        }
    }

    private SignedDocument releaseManifest(long size, String sha256) {
        ReleaseManifest manifest = new ReleaseManifest(Product.RECORDER, V1_2, "recorder-1.2.345.pkg", size, sha256,
                Version.NONE, "faster capture", T0, false);
        return SignedDocument.sign(SignedDocument.RELEASE, Json.write(manifest), RELEASE_KEY);
    }

    private SignedDocument contentManifest() {
        ContentManifest manifest = new ContentManifest(7, "recorder-1.2.345.pkg", packageSize(), packageSha256(),
                "new signatures", T0);
        return SignedDocument.sign(SignedDocument.CONTENT, Json.write(manifest), RELEASE_KEY);
    }

    private ReleaseView releaseView(long running) {
        return new ReleaseView(Product.RECORDER, V1_2, "recorder-1.2.345.pkg", packageSize(), packageSha256(),
                Version.NONE, "faster capture\nand more", RELEASE_KEY.publicKey().keyId(), T0, T0, running, false);
    }

    private static RolloutView rolloutView(RolloutView.State state, int percent, String reason) {
        return new RolloutView(4, Product.RECORDER, V1_2, "pilot", percent, 3, state, 2, 1, 0, T0, reason);
    }

    private static ComputerView computer(String group, List<UpdateView> updates, long contentRevision) {
        return new ComputerView(ComputerIdentity.parse("CORP\\PC1"), "client-1", "Windows 11", new Version(0, 1, 0),
                new Version(1, 0, 1), null, ComputerState.LICENSED, "holds a seat of license ACME-1", "ACME-1", T0, T0,
                T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofDays(7)), group, updates, contentRevision);
    }

    private Path write(String name, SignedDocument document) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, Json.writePretty(document));
        return file;
    }

    private AdminRun admin(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDirectory.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AdminRun.of(all);
    }
}
