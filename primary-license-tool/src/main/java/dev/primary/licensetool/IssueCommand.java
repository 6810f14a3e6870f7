package dev.primary.licensetool;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.LicensePayload;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code license-tool issue}: signs a license file for a customer. */
@Command(name = "issue",
        mixinStandardHelpOptions = true,
        description = {"Issues a license file signed with the vendor key.",
                "The customer imports it with 'primary-admin license import FILE'; it stays pending until unlocked."})
final class IssueCommand implements Runnable {
    private final LicenseToolMain.Console console;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--vendor-key", required = true, paramLabel = "FILE", description = "The vendor's secret key (vendor.key).")
    private Path vendorKeyFile;

    @Option(names = "--serial", required = true, paramLabel = "SERIAL",
            description = "License serial number: 1-64 letters, digits or '-'.")
    private String serial;

    @Option(names = "--customer", required = true, paramLabel = "NAME", description = "Who the license is for.")
    private String customer;

    @Option(names = "--seats", required = true, paramLabel = "N", description = "How many seats it grants (at least 1).")
    private int seats;

    @Option(names = "--expires", paramLabel = "YYYY-MM-DD",
            description = "Last day of validity (UTC): the license ends at the following midnight UTC. Default: perpetual.")
    private LocalDate lastDay;

    @Option(names = "--feature", paramLabel = "F", description = "A feature it enables; repeat for several.")
    private List<String> features = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the license file.")
    private Path outFile;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

    IssueCommand(LicenseToolMain.Console console) {
        this.console = console;
    }

    @Override
    public void run() {
        LicensePayload payload = payload(console.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        SigningKey key = KeyFileReader.readSigningKey(vendorKeyFile, KeyFileReader.VENDOR_KEY);
        SignedDocument license = SignedDocument.sign(SignedDocument.LICENSE, Json.write(payload), key);
        DocumentFiles.write(outFile, license, force);
        console.out().printf("Issued license %s for %s: %d seat%s, %s, signed by vendor key %s%n",
                payload.serial(), payload.customer(), payload.seats(), payload.seats() == 1 ? "" : "s",
                payload.expiry().map(end -> "valid until " + end).orElse("perpetual"), key.publicKey().keyId());
        console.out().println("Wrote " + outFile);
    }

    private LicensePayload payload(Instant issuedAt) {
        Instant expiresAt = lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> cleanFeatures = features.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
        if (customer.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--customer cannot be empty");
        }
        try {
            return new LicensePayload(serial.strip(), customer.strip(), seats, issuedAt, expiresAt, cleanFeatures);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
