package dev.primary.licensetool;

import dev.primary.protocol.ProductVersion;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code license-tool}: the vendor's side of licensing and releases. Creates the vendor key, issues signed
 * license files, answers a customer's registration code with a signed unlock file; creates the release
 * key and signs release and content manifests; and shows what any of these files says. Exit codes: 0 ok, 1 failure, 2 usage error ({@link ExitCode}).
 */
@Command(name = "license-tool",
        mixinStandardHelpOptions = true,
        versionProvider = LicenseToolMain.VersionText.class,
        description = {"Issues Primary licenses and unlocks with the vendor key,",
                "and signs releases and content updates with the release key."},
        footer = {"", "Typical flow:",
                "  license-tool vendor-key create --out keys",
                "  license-tool issue --vendor-key keys/vendor.key --serial ACME-1 \\",
                "      --customer Acme --seats 50 --out acme-1.license",
                "  customer: primary-admin license import acme-1.license   (prints the code)",
                "  license-tool unlock --vendor-key keys/vendor.key \\",
                "      --registration-code ACME-1/XXXX-XXXX-XXXX-XXXX --out acme-1.unlock",
                "  customer: primary-admin license unlock acme-1.unlock",
                "",
                "Releases and content updates:",
                "  license-tool release-key create --out release-keys",
                "  license-tool release sign --release-key release-keys/release.key --product recorder \\",
                "      --version 1.2.345 --file recorder.pkg --out recorder-1.2.345.release",
                "  customer: primary-admin release add recorder-1.2.345.release --package recorder.pkg",
                "  license-tool content sign --release-key release-keys/release.key --revision 7 \\",
                "      --file signatures.dat --out content-7.content",
                "",
                "Exit codes: 0 ok, 1 failure, 2 usage error."},
        subcommands = CommandLine.HelpCommand.class)
public final class LicenseToolMain implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private LicenseToolMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, Clock.systemUTC(), args));
    }

    /** Runs the tool with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, Clock clock, String... args) {
        Console console = new Console(out, clock);
        CommandLine commandLine = new CommandLine(new LicenseToolMain())
                .addSubcommand(new CommandLine(new VendorKeyCommand())
                        .addSubcommand(new VendorKeyCommand.Create(console)))
                .addSubcommand(new CommandLine(new ReleaseKeyCommand())
                        .addSubcommand(new ReleaseKeyCommand.Create(console)))
                .addSubcommand(new CommandLine(new ReleaseCommand())
                        .addSubcommand(new ReleaseCommand.Sign(console)))
                .addSubcommand(new CommandLine(new ContentCommand())
                        .addSubcommand(new ContentCommand.Sign(console)))
                .addSubcommand(new IssueCommand(console))
                .addSubcommand(new UnlockCommand(console))
                .addSubcommand(new ShowCommand(console));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((failure, arguments) -> report(err, failure));
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> report(err, failure));
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    private static int report(PrintWriter err, Exception failure) {
        String line = "license-tool: " + ExitCode.describe(failure);
        if (failure instanceof CommandLine.ParameterException parameterFailure) {
            line += " (see '" + parameterFailure.getCommandLine().getCommandSpec().qualifiedName() + " --help')";
        }
        err.println(line);
        return ExitCode.of(failure).code();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: vendor-key create, issue, unlock, release-key create, release sign, content sign or show");
    }

    /** What every command writes to and reads the time from. */
    record Console(PrintWriter out, Clock clock) {
    }

    /** {@code --version}: this program's name and the build's one version. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"license-tool " + ProductVersion.text()};
        }
    }
}
