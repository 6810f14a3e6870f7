package dev.primary.licensetool;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.RegistrationCode;
import dev.primary.protocol.message.UnlockPayload;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code license-tool unlock}: answers a customer's registration code with a signed unlock file. */
@Command(name = "unlock",
        mixinStandardHelpOptions = true,
        description = {"Signs an unlock file for a customer's registration code.",
                "The unlock activates the license on the one Primary Server that showed that code;",
                "the customer applies it with 'primary-admin license unlock FILE'."})
final class UnlockCommand implements Runnable {
    private final LicenseToolMain.Console console;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--vendor-key", required = true, paramLabel = "FILE", description = "The vendor's secret key (vendor.key).")
    private Path vendorKeyFile;

    @Option(names = "--registration-code", required = true, paramLabel = "CODE",
            description = "The code the customer's server showed: SERIAL/XXXX-XXXX-XXXX-XXXX.")
    private String registrationCodeText;

    @Option(names = "--license", paramLabel = "FILE",
            description = "The license file issued for that serial: checks it is ours and that the code names its serial.")
    private Path licenseFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the unlock file.")
    private Path outFile;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

    UnlockCommand(LicenseToolMain.Console console) {
        this.console = console;
    }

    @Override
    public void run() {
        RegistrationCode code = parseCode();
        SigningKey key = KeyFileReader.readSigningKey(vendorKeyFile, KeyFileReader.VENDOR_KEY);
        if (licenseFile != null) {
            code = matchLicense(code, key);
        }
        UnlockPayload payload = new UnlockPayload(code.serial(), code.text(),
                console.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        SignedDocument unlock = SignedDocument.sign(SignedDocument.UNLOCK, Json.write(payload), key);
        DocumentFiles.write(outFile, unlock, force);
        console.out().println("Issued unlock for license " + code.serial() + ", registration code " + code.text()
                + ", signed by vendor key " + key.publicKey().keyId());
        console.out().println("Wrote " + outFile);
    }

    private RegistrationCode parseCode() {
        try {
            return RegistrationCode.parse(registrationCodeText);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Checks the license file was signed by this vendor key and is the one the code names. Returns
     * the code with the license's own spelling of the serial (codes are read in upper case).
     */
    private RegistrationCode matchLicense(RegistrationCode code, SigningKey key) {
        SignedDocument license = DocumentFiles.read(licenseFile);
        LicensePayload payload;
        try {
            payload = Json.read(license.verifiedPayload(SignedDocument.LICENSE, key.publicKey()), LicensePayload.class);
        } catch (MalformedJsonException e) {
            throw new LicenseToolException(licenseFile + " is not a license: " + e.getMessage(), e);
        } catch (dev.primary.protocol.crypto.DocumentSignatureInvalidException e) {
            throw new LicenseToolException(licenseFile + ": " + e.getMessage(), e);
        }
        if (!payload.serial().equalsIgnoreCase(code.serial())) {
            throw new LicenseToolException("registration code " + code.text() + " is for license " + code.serial()
                    + ", but " + licenseFile + " is license " + payload.serial());
        }
        return new RegistrationCode(payload.serial(), code.binding());
    }
}
