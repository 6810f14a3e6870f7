package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.RolloutView;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateState;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.CuttingProxy;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Software updates end to end: real server, real clients, real signed releases made with the real
 * license-tool, packages that really run (or really fail).
 */
class UpdatesIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;

    @TempDir
    Path work;

    @Test
    void a_release_rolls_out_to_a_percentage_then_to_all() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        try (ServerProcess server = startServer(vendor, releases)) {
            server.license(vendor, "ROLL-1", 6);
            List<ClientProcess> clients = new ArrayList<>();
            try {
                for (String name : List.of("PC-R1", "PC-R2", "PC-R3", "PC-R4")) {
                    clients.add(deployUpdatable(server, name, 0).start("300ms", "1s"));
                }
                Eventually.within(PATIENCE, () -> assertThat(server.summary().active()).isEqualTo(4));

                addRelease(server, releases, releases.goodRecorderPackage("1.1.7"), "1.1.7");
                Instant rolloutStarted = Instant.now();
                RolloutView rollout = startRollout(server, "1.1.7", "--percent", "50");

                // The rollout takes computers as they check in: its first wave is whole once all four have checked in
                // since it started (reading it sooner could see none assigned and none updated, and agree).
                Eventually.within(PATIENCE, () -> assertThat(server.computers()).allSatisfy(view ->
                        assertThat(view.lastContact()).isAfter(rolloutStarted)));
                long firstWave = rollout(server, rollout.id()).assigned();
                assertThat(firstWave).as("50% of 4 computers reaches some, not all").isBetween(1L, 3L);
                Eventually.within(PATIENCE, () -> assertThat(recorderColumns(server)).filteredOn("V 1.1 (0007)"::equals)
                        .hasSize((int) firstWave));

                server.adminSucceeds("rollout", "percent", Long.toString(rollout.id()), "100");

                Eventually.within(PATIENCE, () -> assertThat(recorderColumns(server)).containsOnly("V 1.1 (0007)"));
                for (ClientProcess client : clients) {
                    long lines = client.recordingLines();
                    Eventually.within(PATIENCE, () -> assertThat(client.recordingLines()).isGreaterThan(lines + 2));
                    assertThat(client.state().state()).isEqualTo("licensed");
                }
                // A client reports the installation after it runs the new Recorder: the count follows that report.
                Eventually.within(PATIENCE, () -> assertThat(rollout(server, rollout.id()).installed()).isEqualTo(4));
            } finally {
                clients.forEach(ClientProcess::close);
            }
        }
    }

    @Test
    void a_release_whose_recorder_exits_at_once_is_rolled_back_and_halts_its_rollout_at_the_threshold() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        try (ServerProcess server = startServer(vendor, releases);
                ClientProcess first = deployUpdatable(server, "PC-B1", 0).start("300ms", "1s");
                ClientProcess second = deployUpdatable(server, "PC-B2", 0).start("300ms", "1s")) {
            server.license(vendor, "BROKEN-1", 2);
            Eventually.within(PATIENCE, () -> assertThat(server.summary().active()).isEqualTo(2));

            addRelease(server, releases, releases.brokenRecorderPackage("1.2.0"), "1.2.0");
            RolloutView rollout = startRollout(server, "1.2.0", "--failure-threshold", "2");

            Eventually.within(PATIENCE, () -> assertThat(rollout(server, rollout.id()).state())
                    .isEqualTo(RolloutView.State.HALTED));
            for (ClientProcess client : List.of(first, second)) {
                ComputerView view = server.computer(client.computerName());
                UpdateView update = recorderUpdate(view).orElseThrow();
                assertThat(update.state()).isEqualTo(UpdateState.FAILED);
                assertThat(update.reason()).containsIgnoringCase("rolled back");
                Eventually.within(PATIENCE, () -> assertThat(server.computer(client.computerName()).recorder())
                        .isEqualTo("V 1.0 (0001)"));
                long lines = client.recordingLines();
                Eventually.within(PATIENCE, () -> assertThat(client.recordingLines()).isGreaterThan(lines + 2));
            }
            assertThat(rollout(server, rollout.id()).reason()).contains("2");
        }
    }

    @Test
    void an_interrupted_download_resumes_where_it_stopped() throws IOException {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        try (ServerProcess server = startServer(vendor, releases);
                CuttingProxy proxy = CuttingProxy.to(server.clientPort())) {
            server.license(vendor, "RESUME-1", 1);
            Path bigPackage = releases.goodRecorderPackage("1.4.0");
            Files.writeString(bigPackage, "# " + "x".repeat(6 * 1024 * 1024) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            try (ClientProcess client = ClientProcess.deployVia(server, proxy.port(), work, "PC-RESUME",
                    updatableOptions(0)).start("300ms", "1s")) {
                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
                addRelease(server, releases, bigPackage, "1.4.0");

                proxy.cutOnceAfter(2L * 1024 * 1024);
                startRollout(server, "1.4.0");

                Eventually.within(PATIENCE, () -> assertThat(server.computer("PC-RESUME").recorder())
                        .isEqualTo("V 1.4 (0000)"));
                assertThat(proxy.cuts()).isEqualTo(1);
                assertThat(client.output()).containsIgnoringCase("resum");
            }
        }
    }

    @Test
    void a_package_altered_on_the_server_is_refused_by_the_client_and_the_running_version_stays() throws IOException {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        try (ServerProcess server = startServer(vendor, releases);
                ClientProcess client = deployUpdatable(server, "PC-TAMPERED", 0).start("300ms", "1s")) {
            server.license(vendor, "ALTER-1", 1);
            Eventually.within(PATIENCE, () -> assertThat(client.state().recorderRunning()).isTrue());
            Path pkg = releases.goodRecorderPackage("1.5.0");
            addRelease(server, releases, pkg, "1.5.0");
            Path stored = storedPackage(server, pkg);
            byte[] bytes = Files.readAllBytes(stored);
            bytes[bytes.length - 2] ^= 1;
            Files.write(stored, bytes);

            startRollout(server, "1.5.0");

            Eventually.within(PATIENCE, () -> {
                UpdateView update = recorderUpdate(server.computer("PC-TAMPERED")).orElseThrow();
                assertThat(update.state()).isEqualTo(UpdateState.FAILED);
                assertThat(update.reason()).containsIgnoringCase("sha-256");
            });
            assertThat(server.computer("PC-TAMPERED").recorder()).isEqualTo("V 1.0 (0001)");
            assertThat(client.state().recorderRunning()).isTrue();
        }
    }

    @Test
    void the_server_refuses_a_tampered_manifest_and_a_version_that_is_not_newer() throws IOException {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        try (ServerProcess server = startServer(vendor, releases)) {
            Path pkg = releases.goodRecorderPackage("2.0.0");
            Path manifest = releases.sign(pkg, "2.0.0");
            Path tampered = work.resolve("tampered.release");
            String text = Files.readString(manifest);
            var document = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(text);
            String payload = new String(dev.primary.protocol.crypto.Base64Url.decode(document.get("payload").asText()))
                    .replace("\"major\":2", "\"major\":9");
            document.put("payload", dev.primary.protocol.crypto.Base64Url.encode(payload.getBytes()));
            Files.writeString(tampered, document.toString());

            CommandResult forged = server.admin("release", "add", tampered.toString(), "--package", pkg.toString());
            assertThat(forged.exitCode()).as(forged.toString()).isEqualTo(1);
            assertThat(forged.stderr()).containsIgnoringCase("signature");

            server.adminSucceeds("release", "add", manifest.toString(), "--package", pkg.toString());
            Path older = releases.goodRecorderPackage("1.9.0");
            CommandResult notNewer = server.admin("release", "add", releases.sign(older, "1.9.0").toString(),
                    "--package", older.toString());
            assertThat(notNewer.exitCode()).as(notNewer.toString()).isEqualTo(1);
            assertThat(notNewer.stderr()).containsIgnoringCase("newer");
            assertThat(server.adminSucceeds("release", "list", "--json")).contains("\"major\" : 2").doesNotContain("\"major\" : 9");
        }
    }

    @Test
    void a_nudge_makes_a_client_pick_up_an_update_within_seconds() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        try (ServerProcess server = startServer(vendor, releases);
                ClientProcess client = deployUpdatable(server, "PC-NUDGE", FreePorts.next()).start("300ms", "4h")) {
            server.license(vendor, "NUDGE-1", 1);
            Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
            addRelease(server, releases, releases.goodRecorderPackage("1.6.0"), "1.6.0");
            startRollout(server, "1.6.0");

            server.adminSucceeds("update-now", "PC-NUDGE");

            // With a four-hour interval only the nudge can bring the update within the patience; the client says so.
            Eventually.within(PATIENCE, () -> assertThat(server.computer("PC-NUDGE").recorder())
                    .isEqualTo("V 1.6 (0000)"));
            assertThat(client.output()).contains("Nudged: checking in");
        }
    }

    @Test
    void a_content_update_reaches_the_clients_and_shows_its_revision() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        try (ServerProcess server = startServer(vendor, releases);
                ClientProcess client = deployUpdatable(server, "PC-CONTENT", 0).start("300ms", "1s")) {
            server.license(vendor, "CONTENT-1", 1);
            Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
            Path file = releases.contentFile(3);

            server.adminSucceeds("content", "add", releases.signContent(file, 3).toString(), "--package", file.toString());

            Eventually.within(PATIENCE, () -> assertThat(server.computer("PC-CONTENT").contentRevision()).isEqualTo(3));
            assertThat(server.adminSucceeds("content", "list", "--json")).contains("\"revision\" : 3");
        }
    }

    private ServerProcess startServer(Vendor vendor, ReleaseVendor releases) {
        return new ServerProcess(work.resolve("server"), vendor, "--release-key", releases.publicKey().toString()).start();
    }

    private ClientProcess deployUpdatable(ServerProcess server, String name, int nudgePort) {
        return ClientProcess.deploy(server, work, name, updatableOptions(nudgePort));
    }

    private static String[] updatableOptions(int nudgePort) {
        return new String[] {"--recorder-package-command", "/bin/sh", "--recorder-package-arg", "{package}",
            "--recorder-package-arg", "{home}", "--health-period", "2s", "--nudge-port", Integer.toString(nudgePort)};
    }

    private static void addRelease(ServerProcess server, ReleaseVendor releases, Path pkg, String version) {
        server.adminSucceeds("release", "add", releases.sign(pkg, version).toString(), "--package", pkg.toString());
    }

    private static RolloutView startRollout(ServerProcess server, String version, String... options) {
        List<String> arguments = new ArrayList<>(List.of("rollout", "start", "--product", "recorder", "--version", version));
        arguments.addAll(List.of(options));
        arguments.add("--json");
        return Json.read(server.adminSucceeds(arguments.toArray(String[]::new)).getBytes(), RolloutView.class);
    }

    private static RolloutView rollout(ServerProcess server, long id) {
        try {
            for (var node : Json.mapper().readTree(server.adminSucceeds("rollout", "list", "--json"))) {
                RolloutView view = Json.mapper().treeToValue(node, RolloutView.class);
                if (view.id() == id) {
                    return view;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no rollout " + id);
    }

    private static List<String> recorderColumns(ServerProcess server) {
        return server.computers().stream().map(ComputerView::recorder).toList();
    }

    private static Optional<UpdateView> recorderUpdate(ComputerView view) {
        return view.updates().stream().filter(update -> update.product() == Product.RECORDER).findFirst();
    }

    private static Path storedPackage(ServerProcess server, Path pkg) throws IOException {
        String sha256 = dev.primary.protocol.crypto.Sha256.hex(Files.readAllBytes(pkg));
        try (Stream<Path> files = Files.walk(server.dataDirectory().resolve("packages"))) {
            return files.filter(file -> file.getFileName().toString().equals(sha256)).findFirst().orElseThrow();
        }
    }
}
