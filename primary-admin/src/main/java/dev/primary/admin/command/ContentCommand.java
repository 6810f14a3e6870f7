package dev.primary.admin.command;

import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.release.ContentManifest;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primary-admin content ...}: content updates ("signature files"). */
@Command(name = "content", mixinStandardHelpOptions = true,
        description = "Adds and lists content updates (\"signature files\"); clients fetch the newest at check-in.")
public final class ContentCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: add or list");
    }

    /** The {@code content} command group with its subcommands. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new ContentCommand())
                .addSubcommand(new Add(console))
                .addSubcommand(new ListContent(console));
    }

    /** {@code content add MANIFEST --package FILE}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Uploads a content file, then adds the content update from its signed manifest.",
                    "Its revision must be higher than the newest on the server; every licensed client fetches it",
                    "at its next check-in."})
    static final class Add implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "MANIFEST", description = "The content manifest ('license-tool content sign' writes it).")
        private Path manifestFile;

        @Option(names = "--package", required = true, paramLabel = "FILE", description = "The content file the manifest names.")
        private Path packageFile;

        @Mixin
        private JsonOption output;

        Add(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            SignedManifest<ContentManifest> manifest = SignedManifest.read(manifestFile, SignedDocument.CONTENT,
                    ContentManifest.class, " (releases are added with 'primary-admin release add')");
            PackageCommand.uploadNamedBy(console, packageFile, manifestFile, manifest.payload().size(),
                    manifest.payload().sha256());
            console.show(console.api().get().addContent(manifest.document()), output.json, answer -> {
                ContentView content = answer.as(ContentView.class);
                console.out().printf("Added content revision %d: %s, %s, signed by release key %s%n", content.revision(),
                        content.fileName(), Display.size(content.size()), content.signedBy());
            });
        }
    }

    /** {@code content list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the content updates on this server, with how many computers applied each.")
    static final class ListContent implements Runnable {
        private final AdminConsole console;

        @Mixin
        private JsonOption output;

        ListContent(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().contents(), output.json, answer -> {
                List<ContentView> contents = answer.asListOf(ContentView.class);
                if (contents.isEmpty()) {
                    console.out().println("No content updates yet: add one with 'primary-admin content add MANIFEST --package FILE'.");
                    return;
                }
                TextTable table = new TextTable("REVISION", "FILE", "SIZE", "APPLIED", "IMPORTED", "NOTES");
                for (ContentView content : contents) {
                    table.row(String.valueOf(content.revision()), content.fileName(), Display.size(content.size()),
                            String.valueOf(content.computersApplied()), Display.time(content.importedAt()),
                            Display.firstLine(content.notes(), 60));
                }
                table.print(console.out());
            });
        }
    }
}
