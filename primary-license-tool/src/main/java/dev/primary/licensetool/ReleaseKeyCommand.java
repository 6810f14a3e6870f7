package dev.primary.licensetool;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code license-tool release-key}: the Ed25519 key that signs releases and content updates. */
@Command(name = "release-key",
        mixinStandardHelpOptions = true,
        description = {"Manages the release key that signs releases and content updates.",
                "It is kept apart from the vendor key and from any server's key: Primary Servers trust its",
                "public half (<data-dir>/trusted-release-keys/*.pub) and clients pin it at install."})
final class ReleaseKeyCommand implements Runnable {
    static final String SECRET_FILE = "release.key";
    static final String PUBLIC_FILE = "release.pub";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: create");
    }

    /** {@code license-tool release-key create --out DIR}. */
    @Command(name = "create",
            mixinStandardHelpOptions = true,
            description = {"Creates a new release key pair: DIR/release.key (secret, owner-only 0600) and DIR/release.pub.",
                    "Copy release.pub into each Primary Server's <data-dir>/trusted-release-keys/ before installing",
                    "clients: they pin the release keys their server trusts at install.",
                    "Refuses to overwrite an existing key: clients that pinned it would refuse releases signed by another."})
    static final class Create implements Runnable {
        private final LicenseToolMain.Console console;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the key files (created if missing).")
        private Path directory;

        Create(LicenseToolMain.Console console) {
            this.console = console;
        }

        @Override
        public void run() {
            Path secretFile = directory.resolve(SECRET_FILE);
            Path publicFile = directory.resolve(PUBLIC_FILE);
            for (Path file : new Path[] {secretFile, publicFile}) {
                if (Files.exists(file)) {
                    throw new LicenseToolException(file + " already exists: refusing to overwrite a release key "
                            + "(clients that pinned it would refuse everything signed by a new one)");
                }
            }
            SigningKey key = Ed25519.generate();
            KeyFiles.writeSecret(secretFile, key.encoded());
            KeyFiles.writePublic(publicFile, key.publicKey().encoded());
            console.out().println("Created release key " + key.publicKey().keyId());
            console.out().println("  secret: " + secretFile + " (owner-only; keep it safe and backed up)");
            console.out().println("  public: " + publicFile
                    + " (copy it into <data-dir>/trusted-release-keys/ of each Primary Server)");
        }
    }
}
