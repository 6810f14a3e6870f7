package dev.primary.licensetool;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code license-tool release}: signs release manifests. */
@Command(name = "release",
        mixinStandardHelpOptions = true,
        description = "Signs releases of the Recorder or the Client Service with the release key.")
final class ReleaseCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: sign");
    }

    /** {@code license-tool release sign ...}. */
    @Command(name = "sign",
            description = {"Writes a release manifest for a package, signed with the release key.",
                    "Reads the package once to record its size and SHA-256; clients check both, and the",
                    "signature, before they install it. Publish it with",
                    "'primary-admin release add MANIFEST --package PACKAGE'."})
    static final class Sign extends ManifestSignCommand<ReleaseManifest> implements Runnable {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        private boolean help;

        @Option(names = "--product", required = true, paramLabel = "PRODUCT",
                description = "What the package updates: recorder or client-service.")
        private String product;

        @Option(names = "--version", required = true, paramLabel = "VERSION",
                description = "The release's version: 1.2.345 or 'V 1.2 (0345)'.")
        private String version;

        @Option(names = "--file", required = true, paramLabel = "PACKAGE", description = "The package (any archive or binary).")
        private Path packageFile;

        @Option(names = "--file-name", paramLabel = "NAME",
                description = "The name clients install the package under. Default: the package's own file name.")
        private String fileName;

        @Option(names = "--min-client-version", paramLabel = "VERSION", defaultValue = "0.0.0",
                description = "The oldest Client Service that may install it. Default: any.")
        private String minimumClientVersion;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Release notes (at most 10,000 characters).")
        private String notes = "";

        @Option(names = "--downgrade",
                description = "Sign it expressly as a downgrade: clients running a newer version install it anyway.")
        private boolean downgrade;

        @Option(names = "--out", required = true, paramLabel = "MANIFEST", description = "Where to write the manifest.")
        private Path outFile;

        @Option(names = "--force", description = "Replace MANIFEST if it exists.")
        private boolean force;

        Sign(LicenseToolMain.Console console) {
            super(console, SignedDocument.RELEASE, "release");
        }

        @Override
        public void run() {
            sign(packageFile, outFile, force);
        }

        @Override
        String describe(ReleaseManifest manifest, String releaseKeyId) {
            return String.format("Signed %s release %s%s: %s, %d bytes, sha256 %s, release key %s",
                    manifest.product().wireName(), manifest.version().display(), manifest.downgrade() ? " (downgrade)" : "",
                    manifest.fileName(), manifest.size(), manifest.sha256(), releaseKeyId);
        }

        /** The manifest from the options and the package's digest (a placeholder one checks the options before the package is read). */
        @Override
        ReleaseManifest manifest(PackageDigest digest) {
            try {
                String name = fileName != null ? fileName.strip() : String.valueOf(packageFile.getFileName());
                return new ReleaseManifest(Product.fromWire(product.strip()), Version.parse(version),
                        name, digest.size(), digest.sha256(), Version.parse(minimumClientVersion), notes,
                        console.clock().instant().truncatedTo(ChronoUnit.SECONDS), downgrade);
            } catch (IllegalArgumentException e) {
                throw usageError(e.getMessage()
                        + (e.getMessage().startsWith("fileName") ? " (give --file-name NAME)" : ""));
            }
        }
    }
}
