package dev.primary.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The side that builds and signs releases, through the real {@code license-tool} command line (run in this JVM): a
 * release key, Recorder packages (small shell scripts that run the sample Recorder, or fail at once), signed
 * manifests (also of the Client Service packages {@link ClientServiceReleases} builds).
 */
final class ReleaseVendor {
    private final Path directory;

    ReleaseVendor(Path directory) {
        this.directory = directory;
        succeed("release-key", "create", "--out", directory.toString());
    }

    Path publicKey() {
        return directory.resolve("release.pub");
    }

    /** A Recorder package that records until stopped: {@code sh PACKAGE HOME} runs the sample Recorder into HOME/recorder.log. */
    Path goodRecorderPackage(String version) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return script("recorder-" + version + ".sh", "#!/bin/sh\n# Recorder " + version + "\nexec '" + java
                + "' -Xmx32m -cp '" + System.getProperty("java.class.path") + "' " + Programs.SAMPLE_RECORDER
                + " --log \"$1/recorder.log\" --interval 100ms\n");
    }

    /** A Recorder package that exits at once: a broken release. */
    Path brokenRecorderPackage(String version) {
        return script("recorder-" + version + ".sh", "#!/bin/sh\n# Recorder " + version + ", broken\necho 'cannot start' >&2\nexit 1\n");
    }

    Path sign(Path pkg, String version) {
        return sign(pkg, "recorder", version);
    }

    /** Signs {@code pkg} as the release {@code version} of {@code product} ({@code recorder} or {@code client-service}). */
    Path sign(Path pkg, String product, String version) {
        Path manifest = directory.resolve(pkg.getFileName() + ".release");
        succeed("release", "sign", "--release-key", directory.resolve("release.key").toString(), "--product", product,
                "--version", version, "--file", pkg.toString(), "--notes", "test release " + version,
                "--out", manifest.toString());
        return manifest;
    }

    Path contentFile(long revision) {
        Path file = directory.resolve("signatures-" + revision + ".dat");
        try {
            Files.writeString(file, "signature data revision " + revision + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    Path signContent(Path file, long revision) {
        Path manifest = directory.resolve(file.getFileName() + ".content");
        succeed("content", "sign", "--release-key", directory.resolve("release.key").toString(), "--revision",
                Long.toString(revision), "--file", file.toString(), "--out", manifest.toString());
        return manifest;
    }

    private Path script(String name, String text) {
        Path file = directory.resolve(name);
        try {
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void succeed(String... args) {
        Vendor.succeed(args);
    }
}
