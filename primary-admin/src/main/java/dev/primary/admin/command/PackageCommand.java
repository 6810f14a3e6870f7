package dev.primary.admin.command;

import dev.primary.admin.http.Answer;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code primary-admin package ...}: the server's content-addressed package store. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = "Uploads packages (release and content files) to the server's package store.")
public final class PackageCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: upload");
    }

    /** The {@code package} command group with its subcommands. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new PackageCommand()).addSubcommand(new Upload(console));
    }

    /**
     * Uploads {@code file}: computes its SHA-256 first (its address on the server), then streams it.
     * Prints one line saying where it went.
     */
    static void upload(AdminConsole console, PackageFile file) {
        Answer answer = console.api().get().uploadPackage(file.file(), file.sha256(), file.size());
        describeUpload(console.out(), file, answer);
    }

    /**
     * Uploads {@code packageFile} as {@link #upload} does, after checking it is the package a signed manifest names
     * (same size and SHA-256): the first half of {@code release add} and {@code content add}.
     */
    static void uploadNamedBy(AdminConsole console, Path packageFile, Path manifestFile, long manifestSize,
            String manifestSha256) {
        PackageFile file = PackageFile.of(packageFile);
        file.requireNamedBy(manifestFile, manifestSize, manifestSha256);
        upload(console, file);
    }

    private static void describeUpload(PrintWriter out, PackageFile file, Answer answer) {
        out.printf("%s %s: %s, sha256 %s%n", answer.status() == 201 ? "Uploaded" : "Already stored, not sent twice:",
                file.file().getFileName(), Display.size(file.size()), file.sha256());
    }

    /** {@code package upload FILE}. */
    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = {"Uploads a package file to the server's package store, streamed.",
                    "Its SHA-256 is computed first: it is the package's address, and the server refuses",
                    "bytes that do not match it. A package already stored is not stored twice.",
                    "Usually 'release add' or 'content add' does this for you."})
    static final class Upload implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "FILE", description = "The package file.")
        private Path file;

        @Mixin
        private JsonOption output;

        Upload(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            PackageFile packageFile = PackageFile.of(file);
            Answer answer = console.api().get().uploadPackage(packageFile.file(), packageFile.sha256(), packageFile.size());
            console.show(answer, output.json, ignored -> describeUpload(console.out(), packageFile, answer));
        }
    }
}
