package dev.primary.licensetool;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
    static final class Create extends KeyPairCreateCommand {
        Create(LicenseToolMain.Console console) {
            super(console, "vendor", SECRET_FILE, PUBLIC_FILE,
                    "licenses and unlocks it signed would no longer verify",
                    "Primary Servers verify licenses with it");
        }
    }
}
