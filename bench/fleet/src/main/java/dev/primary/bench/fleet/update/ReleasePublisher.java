package dev.primary.bench.fleet.update;

import dev.primary.bench.harness.ManagedServer;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Publishes a package on a managed server the way an administrator does: a release key ({@code license-tool
 * release-key create}) trusted by the server ({@code <data-dir>/trusted-release-keys/}, read at each use), a
 * signed manifest ({@code license-tool release sign}), and {@code primary-admin release add}, which uploads the
 * package. Clients may then download it by its SHA-256.
 */
public final class ReleasePublisher {
    static final String LICENSE_TOOL_MAIN = "dev.primary.licensetool.LicenseToolMain";
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);

    private ReleasePublisher() {}

    /**
     * Publishes {@code file} as a Recorder release of a version newer than any before it (taken from the clock).
     *
     * @param scratch a directory for the release key and manifest
     */
    public static void publish(ManagedServer server, PackageFile file, Path scratch) {
        Path keys = scratch.resolve("release-keys");
        if (!Files.exists(keys.resolve("release.key"))) {
            licenseTool("release-key", "create", "--out", keys.toString());
        }
        trust(server, keys.resolve("release.pub"));
        Path manifest = scratch.resolve("fleet-wave.release");
        licenseTool("release", "sign", "--release-key", keys.resolve("release.key").toString(),
                "--product", "recorder", "--version", freshVersion(), "--file", file.path().toString(),
                "--file-name", "recorder-fleet-wave.pkg", "--notes", "fleet simulator update wave", "--force",
                "--out", manifest.toString());
        server.admin("release", "add", manifest.toString(), "--package", file.path().toString());
    }

    private static void trust(ManagedServer server, Path publicKey) {
        Path trusted = server.dataDirectory().resolve("trusted-release-keys").resolve("fleet-simulator.pub");
        try {
            Files.createDirectories(trusted.getParent());
            Files.copy(publicKey, trusted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the server trust the release key: " + e.getMessage(), e);
        }
    }

    /** 3.&lt;minutes since the epoch mod 100000&gt;.&lt;second&gt;: newer than the last run's, for ~69 days. */
    static String freshVersion() {
        long seconds = System.currentTimeMillis() / 1000;
        return "3." + (seconds / 60) % 100_000 + "." + seconds % 60;
    }

    private static void licenseTool(String... arguments) {
        CommandResult result = JavaProcess.run(TOOL_TIMEOUT, Map.of(), LICENSE_TOOL_MAIN, arguments);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("license-tool " + String.join(" ", arguments) + " failed with exit code "
                    + result.exitCode() + ": " + result.stderr().strip());
        }
    }
}
