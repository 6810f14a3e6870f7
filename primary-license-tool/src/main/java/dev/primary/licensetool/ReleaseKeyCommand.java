package dev.primary.licensetool;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
    static final class Create extends KeyPairCreateCommand {
        Create(LicenseToolMain.Console console) {
            super(console, "release", SECRET_FILE, PUBLIC_FILE,
                    "clients that pinned it would refuse everything signed by a new one",
                    "copy it into <data-dir>/trusted-release-keys/ of each Primary Server");
        }
    }
}
