package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.ClientVersion;
import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateState;
import dev.primary.testkit.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Client Service that updates itself, end to end: a real server, a real Client Service started through the
 * launcher that {@code bin/client-service} uses, real signed Client Service releases built from the jars this test
 * runs (only the build's one version differs, see {@link ClientServiceReleases}), rolled out through the admin API:
 * B is installed and runs; C (cannot make an authenticated request) goes back to B after its health period; D
 * (cannot start) goes back to B through the launcher. Each failure is reported by B with its reason.
 */
class SelfUpdateIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;
    /**
     * B's trial: it passes at its first answer from the server, so a long period costs nothing on an idle machine and
     * keeps a loaded one (a slow JVM start, a slow handshake) from failing a good release.
     */
    private static final String PASSING_HEALTH_PERIOD = "2m";
    /** C's trial, which must run out: short for a test. */
    private static final String FAILING_HEALTH_PERIOD = "20s";

    @TempDir
    Path work;

    @Test
    void a_client_runs_a_signed_release_it_installed_and_a_release_that_cannot_reach_the_server_goes_back_by_itself() {
        Version a = ClientVersion.current();
        Version b = new Version(a.major(), a.minor(), a.build() + 1);
        Version c = new Version(a.major(), a.minor(), a.build() + 2);
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
        ClientServiceReleases builds = new ClientServiceReleases(work.resolve("builds"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor, "--release-key",
                releases.publicKey().toString()).start();
                ClientProcess client = ClientProcess.deploy(server, work, "PC-SELF")) {
            setServiceHealthPeriod(client.home(), PASSING_HEALTH_PERIOD);
            client.startThroughLauncher("300ms", "1s");
            try {
                updatesItself(server, client, releases, builds, vendor, a, b, c);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- launcher output:\n" + client.output()
                        + "\n--- client-service.log:\n" + String.join("\n", logLines(client)), e);
            }
        }
    }

    private void updatesItself(ServerProcess server, ClientProcess client, ReleaseVendor releases,
            ClientServiceReleases builds, Vendor vendor, Version a, Version b, Version c) {
        {
            server.license(vendor, "SELF-1", 1);
            Eventually.within(PATIENCE, () -> assertThat(server.computer("PC-SELF").clientVersion()).isEqualTo(a));

            publish(server, releases, builds.packageOf(b.dotted()), b);

            Eventually.within(PATIENCE, () -> assertThat(serviceUpdate(server.computer("PC-SELF")))
                    .hasValueSatisfying(update -> assertThat(update.state()).isEqualTo(UpdateState.INSTALLED)));
            ComputerView asB = server.computer("PC-SELF");
            assertThat(asB.clientVersion()).as("the Client Service version the server shows").isEqualTo(b);
            assertThat(client.javaCommandLines()).as("the JVMs under the launcher")
                    .anyMatch(line -> line.contains(libOf(client, b)));
            assertThat(selected(client)).isEqualTo(b.dotted());
            printRestartTimes(client, b);

            // C's trial must run out; a version reads its health period when it starts.
            setServiceHealthPeriod(client.home(), FAILING_HEALTH_PERIOD);
            // C is a broken build: its protocol library lacks the request signing, so it starts, keeps the Recorder
            // running on its lease, but cannot make one authenticated request to the server.
            publish(server, releases, builds.packageOf(c.dotted(),
                    entry -> entry.startsWith("dev/primary/protocol/crypto/RequestSignature")), c);

            Eventually.within(PATIENCE, () -> assertThat(serviceUpdate(server.computer("PC-SELF")))
                    .hasValueSatisfying(update -> {
                        assertThat(update.state()).isEqualTo(UpdateState.FAILED);
                        assertThat(update.target()).isEqualTo(c);
                        assertThat(update.reason()).isEqualTo("Client Service " + c.display()
                                + " did not reach the server within 20 s; rolled back to " + b.display());
                    }));
            assertThat(logLines(client)).as("C ran before it went back")
                    .anyMatch(line -> line.contains("Client Service " + c.dotted() + " starting"));
            assertThat(server.computer("PC-SELF").clientVersion()).isEqualTo(b);
            Eventually.within(PATIENCE, () -> assertThat(client.javaCommandLines())
                    .anyMatch(line -> line.contains(libOf(client, b))));
            assertThat(selected(client)).isEqualTo(b.dotted());
            assertThat(client.home().resolve("versions/client-service/" + c.dotted())).doesNotExist();
            assertThat(client.isAlive()).as("the launcher still runs").isTrue();

            // D cannot even start: its program jar lacks the main class. The launcher starts it three times, then
            // goes back to B, which reports why.
            Version d = new Version(a.major(), a.minor(), a.build() + 3);
            publish(server, releases, builds.packageOf(d.dotted(),
                    entry -> entry.equals("dev/primary/client/cli/ClientServiceMain.class")), d);

            Eventually.within(PATIENCE, () -> assertThat(serviceUpdate(server.computer("PC-SELF")))
                    .hasValueSatisfying(update -> {
                        assertThat(update.state()).isEqualTo(UpdateState.FAILED);
                        assertThat(update.target()).isEqualTo(d);
                        assertThat(update.reason()).startsWith("Client Service " + d.display()
                                + " did not start: exited with code 1 at each of its 3 starts")
                                .endsWith("; rolled back to " + b.display());
                    }));
            assertThat(server.computer("PC-SELF").clientVersion()).isEqualTo(b);
            assertThat(selected(client)).isEqualTo(b.dotted());
            assertThat(client.isAlive()).as("the launcher still runs").isTrue();
        }
    }

    private static void publish(ServerProcess server, ReleaseVendor releases, Path pkg, Version version) {
        server.adminSucceeds("release", "add", releases.sign(pkg, "client-service", version.dotted()).toString(),
                "--package", pkg.toString());
        server.adminSucceeds("rollout", "start", "--product", "client-service", "--version", version.dotted());
    }

    private static Optional<UpdateView> serviceUpdate(ComputerView view) {
        return view.updates().stream().filter(update -> update.product() == Product.CLIENT_SERVICE).findFirst();
    }

    private static String libOf(ClientProcess client, Version version) {
        return client.home().resolve("versions/client-service").resolve(version.dotted()).resolve("lib").toString();
    }

    private static String selected(ClientProcess client) {
        try {
            return Files.readString(client.home().resolve("versions/client-service/selected")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Deployment Utility writes the default health period (5 min); the test sets its own. */
    private static void setServiceHealthPeriod(Path home, String period) {
        ClientConfigurationFile file = ClientConfigurationFile.in(home);
        ClientConfiguration written = file.read();
        file.write(new ClientConfiguration(written.server(), written.dataVault(), written.computer(), written.recorder(),
                written.intervals(), written.updates().withServiceHealthPeriod(period),
                written.enrollmentToken()));
    }

    /**
     * Prints how long the restart into {@code version} took, from the client's log: from the old version's "restarting
     * into it" to the new one's start, and to its first answer from the server.
     */
    private static void printRestartTimes(ClientProcess client, Version version) {
        List<String> lines = logLines(client);
        Optional<OffsetDateTime> restarting = timeOf(lines, "installed: restarting into it");
        Optional<OffsetDateTime> started = timeOf(lines, "Client Service " + version.dotted() + " starting");
        Optional<OffsetDateTime> reached = timeOf(lines, "reached the server: update installed");
        if (restarting.isPresent() && started.isPresent() && reached.isPresent()) {
            System.out.printf("Restart into %s: new version starting after %d ms, reached the server after %d ms%n",
                    version.display(), Duration.between(restarting.get(), started.get()).toMillis(),
                    Duration.between(restarting.get(), reached.get()).toMillis());
        }
    }

    private static List<String> logLines(ClientProcess client) {
        try {
            return Files.readAllLines(client.home().resolve("client-service.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<OffsetDateTime> timeOf(List<String> lines, String text) {
        return lines.stream().filter(line -> line.contains(text)).findFirst()
                .map(line -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))));
    }
}
