package dev.primary.licensetool;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.release.ContentManifest;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code license-tool content}: signs content update ("signature file") manifests. */
@Command(name = "content",
        mixinStandardHelpOptions = true,
        description = "Signs content updates (\"signature files\") with the release key.")
final class ContentCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: sign");
    }

    /** {@code license-tool content sign ...}. */
    @Command(name = "sign",
            mixinStandardHelpOptions = true,
            description = {"Writes a content manifest for a file, signed with the release key.",
                    "Reads the file once to record its size and SHA-256. Publish it with",
                    "'primary-admin content add MANIFEST --package FILE'."})
    static final class Sign extends ManifestSignCommand<ContentManifest> implements Runnable {
        @Option(names = "--revision", required = true, paramLabel = "N",
                description = "The content revision, at least 1; each must be higher than the last one published.")
        private long revision;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The content file.")
        private Path contentFile;

        @Option(names = "--notes", paramLabel = "TEXT", description = "What changed.")
        private String notes = "";

        @Option(names = "--out", required = true, paramLabel = "MANIFEST", description = "Where to write the manifest.")
        private Path outFile;

        @Option(names = "--force", description = "Replace MANIFEST if it exists.")
        private boolean force;

        Sign(LicenseToolMain.Console console) {
            super(console, SignedDocument.CONTENT, "content");
        }

        @Override
        public void run() {
            sign(contentFile, outFile, force);
        }

        @Override
        String describe(ContentManifest manifest, String releaseKeyId) {
            return String.format("Signed content revision %d: %s, %d bytes, sha256 %s, release key %s",
                    manifest.revision(), manifest.fileName(), manifest.size(), manifest.sha256(), releaseKeyId);
        }

        @Override
        ContentManifest manifest(PackageDigest digest) {
            try {
                return new ContentManifest(revision, String.valueOf(contentFile.getFileName()), digest.size(),
                        digest.sha256(), notes, console.clock().instant().truncatedTo(ChronoUnit.SECONDS));
            } catch (IllegalArgumentException e) {
                throw usageError(e.getMessage());
            }
        }
    }
}
