package dev.primary.licensetool;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code license-tool vendor-key}: the vendor's Ed25519 signing key. */
@Command(name = "vendor-key",
        mixinStandardHelpOptions = true,
        description = "Manages the vendor key that signs licenses and unlocks.")
final class VendorKeyCommand implements Runnable {
    static final String SECRET_FILE = "vendor.key";
    static final String PUBLIC_FILE = "vendor.pub";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: create");
    }

    /** {@code license-tool vendor-key create --out DIR}. */
    @Command(name = "create",
            mixinStandardHelpOptions = true,
            description = {"Creates a new vendor key pair: DIR/vendor.key (secret, owner-only 0600) and DIR/vendor.pub.",
                    "Refuses to overwrite an existing key: licenses already issued stay bound to it."})
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
                    throw new LicenseToolException(file + " already exists: refusing to overwrite a vendor key "
                            + "(licenses and unlocks it signed would no longer verify)");
                }
            }
            SigningKey key = Ed25519.generate();
            KeyFiles.writeSecret(secretFile, key.encoded());
            KeyFiles.writePublic(publicFile, key.publicKey().encoded());
            console.out().println("Created vendor key " + key.publicKey().keyId());
            console.out().println("  secret: " + secretFile + " (owner-only; keep it safe and backed up)");
            console.out().println("  public: " + publicFile + " (Primary Servers verify licenses with it)");
        }
    }
}
