package dev.primary.admin.command;

import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.release.ReleaseManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code primary-admin release add|list}: signed releases of the Recorder and the Client Service. They share the
 * word with {@code release NAME} (release a computer's seat), which existed first: {@code release} with a
 * computer name releases its seat, with {@code add} or {@code list} it manages software releases.
 */
public final class ReleaseCommand {
    private ReleaseCommand() {}

    /** {@code release}: the seat release of {@link ComputerActionCommand.Release}, with {@code add} and {@code list}. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new ComputerActionCommand.Release(console))
                .addSubcommand(new Add(console))
                .addSubcommand(new ListReleases(console));
    }

    /** {@code release add MANIFEST --package FILE}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Uploads a release's package, then adds the release from its signed manifest.",
                    "The package is checked against the manifest (size, SHA-256) before it is sent. The server",
                    "refuses a manifest that is not signed by a release key it trusts, is altered, or whose",
                    "version is not newer than the newest release of its product (unless a signed downgrade).",
                    "Clients get it once a rollout assigns it: 'primary-admin rollout start ...'."})
    static final class Add implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "MANIFEST", description = "The release manifest ('license-tool release sign' writes it).")
        private Path manifestFile;

        @Option(names = "--package", required = true, paramLabel = "FILE", description = "The package the manifest names.")
        private Path packageFile;

        @Mixin
        private JsonOption output;

        Add(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            SignedManifest<ReleaseManifest> manifest = SignedManifest.read(manifestFile, SignedDocument.RELEASE,
                    ReleaseManifest.class, " (content manifests are added with 'primary-admin content add')");
            PackageCommand.uploadNamedBy(console, packageFile, manifestFile, manifest.payload().size(),
                    manifest.payload().sha256());
            console.show(console.api().get().addRelease(manifest.document()), output.json, answer -> {
                ReleaseView release = answer.as(ReleaseView.class);
                PrintWriter out = console.out();
                out.printf("Added %s release %s%s: %s, %s, signed by release key %s%n", release.product().wireName(),
                        release.display(), release.downgrade() ? " (signed downgrade)" : "", release.fileName(),
                        Display.size(release.size()), release.signedBy());
                out.println("Roll it out with: primary-admin rollout start --product " + release.product().wireName()
                        + " --version " + release.version().dotted() + " [--group G] [--percent N]");
            });
        }
    }

    /** {@code release list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the releases on this server, newest first per product, with how many computers run each.")
    static final class ListReleases implements Runnable {
        private final AdminConsole console;

        @Mixin
        private JsonOption output;

        ListReleases(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().releases(), output.json, answer -> {
                List<ReleaseView> releases = answer.asListOf(ReleaseView.class);
                if (releases.isEmpty()) {
                    console.out().println("No releases yet: add one with 'primary-admin release add MANIFEST --package FILE'.");
                    return;
                }
                TextTable table = new TextTable("PRODUCT", "VERSION", "SIZE", "RUNNING", "NOTES");
                for (ReleaseView release : releases) {
                    table.row(release.product().wireName(), release.display(), Display.size(release.size()),
                            String.valueOf(release.computersRunning()),
                            (release.downgrade() ? "[downgrade] " : "") + Display.firstLine(release.notes(), 60));
                }
                table.print(console.out());
            });
        }
    }
}
