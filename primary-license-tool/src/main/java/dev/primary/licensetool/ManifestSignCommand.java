package dev.primary.licensetool;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code sign} of {@code release} and {@code content}: builds a manifest from the options and the package's
 * size and SHA-256, signs it with the release key and writes it. The options are checked first, with a placeholder
 * digest, so a wrong option fails before the key and the package are read.
 *
 * @param <M> the manifest
 */
abstract class ManifestSignCommand<M> {
    private static final PackageDigest PLACEHOLDER = new PackageDigest(0, "0".repeat(64));

    final LicenseToolMain.Console console;
    private final String documentKind;
    private final String adminCommand;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--release-key", required = true, paramLabel = "FILE", description = "The release key (release.key).")
    private Path releaseKeyFile;

    /**
     * @param documentKind the {@link SignedDocument} kind
     * @param adminCommand the {@code primary-admin} command that publishes it
     */
    ManifestSignCommand(LicenseToolMain.Console console, String documentKind, String adminCommand) {
        this.console = console;
        this.documentKind = documentKind;
        this.adminCommand = adminCommand;
    }

    /** The manifest from the options and {@code digest}; a usage error if an option is invalid. */
    abstract M manifest(PackageDigest digest);

    /** The line that says what was signed, without line end. */
    abstract String describe(M manifest, String releaseKeyId);

    /**
     * Signs the manifest of {@code packageFile} and writes it to {@code outFile} (replacing it only if {@code force}).
     * {@code --out} and {@code --force} are the subcommands' own options: declared after theirs, they keep the
     * order picocli names missing options in.
     */
    final void sign(Path packageFile, Path outFile, boolean force) {
        manifest(PLACEHOLDER);
        SigningKey key = KeyFileReader.readSigningKey(releaseKeyFile, KeyFileReader.RELEASE_KEY);
        M manifest = manifest(PackageDigest.of(packageFile));
        SignedDocument document = SignedDocument.sign(documentKind, Json.write(manifest), key);
        DocumentFiles.write(outFile, document, force);
        console.out().println(describe(manifest, key.publicKey().keyId()));
        console.out().println("Wrote " + outFile);
        console.out().println("Publish it with: primary-admin " + adminCommand + " add " + outFile + " --package " + packageFile);
    }

    /** A usage error of this command. */
    CommandLine.ParameterException usageError(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
