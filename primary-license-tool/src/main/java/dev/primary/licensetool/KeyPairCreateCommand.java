package dev.primary.licensetool;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code create} of {@code vendor-key} and {@code release-key}: writes a new Ed25519 key pair as a secret
 * (owner-only) and a public key file, and refuses to overwrite either.
 */
abstract class KeyPairCreateCommand implements Runnable {
    private final LicenseToolMain.Console console;
    private final String keyName;
    private final String secretFileName;
    private final String publicFileName;
    private final String overwriteConsequence;
    private final String publicFileUse;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the key files (created if missing).")
    private Path directory;

    /**
     * @param keyName {@code vendor} or {@code release}, for messages
     * @param overwriteConsequence why an existing key must not be replaced
     * @param publicFileUse what the public file is for
     */
    KeyPairCreateCommand(LicenseToolMain.Console console, String keyName, String secretFileName, String publicFileName,
            String overwriteConsequence, String publicFileUse) {
        this.console = console;
        this.keyName = keyName;
        this.secretFileName = secretFileName;
        this.publicFileName = publicFileName;
        this.overwriteConsequence = overwriteConsequence;
        this.publicFileUse = publicFileUse;
    }

    @Override
    public void run() {
        Path secretFile = directory.resolve(secretFileName);
        Path publicFile = directory.resolve(publicFileName);
        for (Path file : new Path[] {secretFile, publicFile}) {
            if (Files.exists(file)) {
                throw new LicenseToolException(file + " already exists: refusing to overwrite a " + keyName + " key "
                        + "(" + overwriteConsequence + ")");
            }
        }
        SigningKey key = Ed25519.generate();
        KeyFiles.writeSecret(secretFile, key.encoded());
        KeyFiles.writePublic(publicFile, key.publicKey().encoded());
        console.out().println("Created " + keyName + " key " + key.publicKey().keyId());
        console.out().println("  secret: " + secretFile + " (owner-only; keep it safe and backed up)");
        console.out().println("  public: " + publicFile + " (" + publicFileUse + ")");
    }
}
