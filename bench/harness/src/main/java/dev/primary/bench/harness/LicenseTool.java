package dev.primary.bench.harness;

import dev.primary.testkit.CommandResult;
import dev.primary.testkit.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The vendor's side, through the real {@code license-tool} in a child JVM: a vendor key, licenses, unlocks. */
final class LicenseTool {
    static final String MAIN = "dev.primary.licensetool.LicenseToolMain";

    private final Path directory;

    /** Creates a vendor key pair in {@code directory}. */
    LicenseTool(Path directory) {
        this.directory = directory;
        run("vendor-key", "create", "--out", directory.toString());
    }

    Path publicKey() {
        return directory.resolve("vendor.pub");
    }

    /** Issues a license file of {@code seats} seats. */
    Path issue(String serial, int seats) {
        Path file = directory.resolve(serial + ".license");
        run("issue", "--vendor-key", privateKey().toString(), "--serial", serial, "--customer", "Bench Corp",
                "--seats", Integer.toString(seats), "--out", file.toString());
        return file;
    }

    /** Answers a server's registration code with an unlock file. */
    Path unlock(String serial, String registrationCode) {
        Path file = directory.resolve(serial + ".unlock");
        run("unlock", "--vendor-key", privateKey().toString(), "--registration-code", registrationCode,
                "--out", file.toString());
        return file;
    }

    private Path privateKey() {
        return directory.resolve("vendor.key");
    }

    private static void run(String... arguments) {
        CommandResult result = JavaProcess.run(Duration.ofSeconds(60), Map.of(), MAIN, arguments);
        if (result.exitCode() != 0) {
            throw new CommandFailedException("license-tool " + arguments[0], result);
        }
    }
}
