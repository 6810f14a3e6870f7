package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.licensetool.LicenseToolMain;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.InProcessCommand;
import dev.primary.testkit.JavaProcess;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The vendor's side, through the real {@code license-tool} command line: a vendor key, license files, unlock
 * files. It runs in this JVM, except in {@link #licenseByRealProcess} and {@link #unlockByRealProcess}.
 */
final class Vendor {
    private final Path directory;

    Vendor(Path directory) {
        this.directory = directory;
        succeed("vendor-key", "create", "--out", directory.toString());
    }

    Path publicKey() {
        return directory.resolve("vendor.pub");
    }

    Path privateKey() {
        return directory.resolve("vendor.key");
    }

    Path license(String serial, int seats) {
        Path file = licenseFile(serial);
        succeed(issue(serial, seats, file));
        return file;
    }

    Path licenseByRealProcess(String serial, int seats) {
        Path file = licenseFile(serial);
        succeedByRealProcess(issue(serial, seats, file));
        return file;
    }

    Path unlock(String registrationCode) {
        Path file = unlockFile(registrationCode);
        succeed(unlock(registrationCode, file));
        return file;
    }

    Path unlockByRealProcess(String registrationCode) {
        Path file = unlockFile(registrationCode);
        succeedByRealProcess(unlock(registrationCode, file));
        return file;
    }

    private Path licenseFile(String serial) {
        return directory.resolve(serial + ".license");
    }

    private Path unlockFile(String registrationCode) {
        return directory.resolve(registrationCode.substring(0, registrationCode.indexOf('/')) + ".unlock");
    }

    private String[] issue(String serial, int seats, Path file) {
        return new String[] {"issue", "--vendor-key", privateKey().toString(), "--serial", serial, "--customer",
            "Example Corp", "--seats", Integer.toString(seats), "--out", file.toString()};
    }

    private String[] unlock(String registrationCode, Path file) {
        return new String[] {"unlock", "--vendor-key", privateKey().toString(), "--registration-code", registrationCode,
            "--out", file.toString()};
    }

    /** {@code license-tool ARGS} in this JVM. */
    static void succeed(String... args) {
        CommandResult result = InProcessCommand.capture((out, err) -> LicenseToolMain.run(out, err, Clock.systemUTC(), args));
        assertThat(result.exitCode()).as("license-tool %s\n%s", String.join(" ", args), result).isZero();
    }

    private static void succeedByRealProcess(String... args) {
        CommandResult result = JavaProcess.run(Programs.LICENSE_TOOL, args);
        assertThat(result.exitCode()).as("license-tool %s\n%s", String.join(" ", args), result).isZero();
    }
}
