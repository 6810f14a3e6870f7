package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.testkit.CommandResult;
import dev.primary.testkit.JavaProcess;
import java.nio.file.Path;

/** The vendor's side, through the real {@code license-tool}: a vendor key, license files, unlock files. */
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
        Path file = directory.resolve(serial + ".license");
        succeed("issue", "--vendor-key", privateKey().toString(), "--serial", serial, "--customer", "Example Corp",
                "--seats", Integer.toString(seats), "--out", file.toString());
        return file;
    }

    Path unlock(String registrationCode) {
        Path file = directory.resolve(registrationCode.substring(0, registrationCode.indexOf('/')) + ".unlock");
        succeed("unlock", "--vendor-key", privateKey().toString(), "--registration-code", registrationCode,
                "--out", file.toString());
        return file;
    }

    private static void succeed(String... args) {
        CommandResult result = JavaProcess.run(Programs.LICENSE_TOOL, args);
        assertThat(result.exitCode()).as("license-tool %s\n%s", String.join(" ", args), result).isZero();
    }
}
