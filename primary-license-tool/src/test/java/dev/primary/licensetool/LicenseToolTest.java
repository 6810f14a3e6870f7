package dev.primary.licensetool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.RegistrationCode;
import dev.primary.protocol.message.UnlockPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseToolTest {
    @Test
    void version_prints_the_builds_version() {
        ToolRun run = ToolRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("license-tool " + System.getProperty("primary.expected.version"));
    }

    @TempDir
    Path dir;

    private Path keys;
    private Path licenseFile;

    @BeforeEach
    void createVendorKey() {
        keys = dir.resolve("keys");
        licenseFile = dir.resolve("acme.license");
        assertThat(ToolRun.of("vendor-key", "create", "--out", keys.toString()).exitCode()).isZero();
    }

    @Test
    void vendor_key_create_writes_an_owner_only_secret_and_its_public_half() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("vendor.key"))))
                .isEqualTo("rw-------");
        assertThat(KeyFiles.readSigningKey(keys.resolve("vendor.key")).publicKey())
                .isEqualTo(KeyFiles.readPublicKey(keys.resolve("vendor.pub")));
    }

    @Test
    void vendor_key_create_refuses_to_overwrite_an_existing_key() throws IOException {
        String before = Files.readString(keys.resolve("vendor.key"));

        ToolRun run = ToolRun.of("vendor-key", "create", "--out", keys.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("already exists").contains("refusing to overwrite");
        assertThat(Files.readString(keys.resolve("vendor.key"))).isEqualTo(before);
    }

    @Test
    void an_issued_license_carries_its_fields_and_verifies_with_the_vendor_public_key() {
        ToolRun issue = issue("--expires", "2027-12-31", "--feature", "audio", "--feature", "screen");
        assertThat(issue.exitCode()).as(issue.err()).isZero();

        SignedDocument document = DocumentFiles.read(licenseFile);
        PublicKey vendorPub = KeyFiles.readPublicKey(keys.resolve("vendor.pub"));
        LicensePayload payload = Json.read(document.verifiedPayload(SignedDocument.LICENSE, vendorPub), LicensePayload.class);
        assertThat(payload).isEqualTo(new LicensePayload("ACME-1", "Acme Corp", 50, ToolRun.CLOCK.instant(),
                Instant.parse("2028-01-01T00:00:00Z"), List.of("audio", "screen")));

        ToolRun show = ToolRun.of("show", licenseFile.toString(), "--vendor-pub", keys.resolve("vendor.pub").toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Kind:        license").contains("serial:    ACME-1")
                .contains("customer:  Acme Corp").contains("seats:     50").contains("features:  audio, screen")
                .contains("Signature:   valid");
    }

    @Test
    void a_license_without_expiry_is_perpetual_and_show_without_key_does_not_claim_it_verified() {
        assertThat(issue().exitCode()).isZero();

        ToolRun show = ToolRun.of("show", licenseFile.toString());

        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).doesNotContain("expiresAt").contains("Signature:   not checked");
    }

    @Test
    void a_tampered_license_fails_show_with_the_vendor_key() throws IOException {
        assertThat(issue().exitCode()).isZero();
        SignedDocument original = DocumentFiles.read(licenseFile);
        String morePayload = new String(original.unverifiedPayload(), StandardCharsets.UTF_8)
                .replace("\"seats\":50", "\"seats\":5000");
        SignedDocument tampered = new SignedDocument(original.kind(), original.keyId(),
                Base64Url.encode(morePayload.getBytes(StandardCharsets.UTF_8)), original.signature());
        Files.writeString(licenseFile, Json.writePretty(tampered));

        ToolRun show = ToolRun.of("show", licenseFile.toString(), "--vendor-pub", keys.resolve("vendor.pub").toString());

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.out()).contains("seats:     5000").contains("Signature:   INVALID");
        assertThat(show.err()).startsWith("license-tool: signature INVALID").contains("does not verify");
    }

    @Test
    void a_license_signed_by_another_vendor_key_fails_show() {
        assertThat(issue().exitCode()).isZero();
        Path otherKeys = dir.resolve("other");
        ToolRun.of("vendor-key", "create", "--out", otherKeys.toString());

        ToolRun show = ToolRun.of("show", licenseFile.toString(), "--vendor-pub", otherKeys.resolve("vendor.pub").toString());

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("not by the trusted key");
    }

    @Test
    void unlock_binds_the_registration_code_and_serial_and_is_signed_as_an_unlock() {
        assertThat(issue().exitCode()).isZero();
        RegistrationCode code = RegistrationCode.of("ACME-1", "installation-42");
        Path unlockFile = dir.resolve("acme.unlock");

        ToolRun unlock = ToolRun.of("unlock", "--vendor-key", keys.resolve("vendor.key").toString(),
                "--registration-code", code.text(), "--license", licenseFile.toString(), "--out", unlockFile.toString());

        assertThat(unlock.exitCode()).as(unlock.err()).isZero();
        SignedDocument document = DocumentFiles.read(unlockFile);
        PublicKey vendorPub = KeyFiles.readPublicKey(keys.resolve("vendor.pub"));
        UnlockPayload payload = Json.read(document.verifiedPayload(SignedDocument.UNLOCK, vendorPub), UnlockPayload.class);
        assertThat(payload).isEqualTo(new UnlockPayload("ACME-1", code.text(), ToolRun.CLOCK.instant()));
        assertThat(ToolRun.of("show", unlockFile.toString(), "--vendor-pub", keys.resolve("vendor.pub").toString()).out())
                .contains("Kind:        unlock").contains("registrationCode: " + code.text()).contains("valid");
    }

    @Test
    void unlock_keeps_the_license_spelling_of_a_lower_case_serial() {
        assertThat(issue("--serial", "acme-2").exitCode()).isZero();
        RegistrationCode code = RegistrationCode.of("acme-2", "installation-42");
        Path unlockFile = dir.resolve("acme.unlock");

        ToolRun unlock = ToolRun.of("unlock", "--vendor-key", keys.resolve("vendor.key").toString(),
                "--registration-code", code.text().toLowerCase(), "--license", licenseFile.toString(),
                "--out", unlockFile.toString());

        assertThat(unlock.exitCode()).as(unlock.err()).isZero();
        UnlockPayload payload = Json.read(DocumentFiles.read(unlockFile).unverifiedPayload(), UnlockPayload.class);
        assertThat(payload.registrationCode()).isEqualTo(code.text());
        assertThat(payload.serial()).isEqualTo("acme-2");
    }

    @Test
    void unlock_refuses_a_code_for_another_serial_than_the_license() {
        assertThat(issue().exitCode()).isZero();
        Path unlockFile = dir.resolve("acme.unlock");

        ToolRun unlock = ToolRun.of("unlock", "--vendor-key", keys.resolve("vendor.key").toString(),
                "--registration-code", RegistrationCode.of("OTHER-9", "x").text(), "--license", licenseFile.toString(),
                "--out", unlockFile.toString());

        assertThat(unlock.exitCode()).isEqualTo(1);
        assertThat(unlock.err()).contains("is for license OTHER-9").contains("is license ACME-1");
        assertThat(unlockFile).doesNotExist();
    }

    @Test
    void a_malformed_registration_code_is_a_usage_error() {
        ToolRun unlock = ToolRun.of("unlock", "--vendor-key", keys.resolve("vendor.key").toString(),
                "--registration-code", "not-a-code", "--out", dir.resolve("x.unlock").toString());

        assertThat(unlock.exitCode()).isEqualTo(2);
        assertThat(unlock.err()).startsWith("license-tool: registration code must look like SERIAL/XXXX-XXXX-XXXX-XXXX");
    }

    @Test
    void issue_refuses_to_overwrite_a_license_file_without_force() throws IOException {
        assertThat(issue().exitCode()).isZero();
        String before = Files.readString(licenseFile);

        ToolRun again = issue("--seats", "99");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readString(licenseFile)).isEqualTo(before);
        assertThat(issue("--seats", "99", "--force").exitCode()).isZero();
    }

    @Test
    void bad_arguments_exit_2_with_one_line() {
        ToolRun missing = ToolRun.of("issue", "--vendor-key", keys.resolve("vendor.key").toString());
        ToolRun zeroSeats = issue("--seats", "0");
        ToolRun badDate = issue("--expires", "31.12.2027");
        ToolRun noCommand = ToolRun.of();
        ToolRun unknown = ToolRun.of("frobnicate");

        for (ToolRun run : List.of(missing, zeroSeats, badDate, noCommand, unknown)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("license-tool: ");
        }
        assertThat(zeroSeats.err()).contains("seats must be at least 1");
        assertThat(licenseFile).doesNotExist();
    }

    @Test
    void every_command_has_help() {
        for (String[] command : List.of(new String[] {"--help"}, new String[] {"issue", "--help"},
                new String[] {"unlock", "--help"}, new String[] {"show", "--help"},
                new String[] {"vendor-key", "create", "--help"})) {
            ToolRun help = ToolRun.of(command);
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage: license-tool");
        }
    }

    private ToolRun issue(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("issue", "--vendor-key", keys.resolve("vendor.key").toString(),
                "--serial", "ACME-1", "--customer", "Acme Corp", "--seats", "50", "--out", licenseFile.toString()));
        for (int i = 0; i < extra.length; i++) {
            String option = extra[i];
            int existing = args.indexOf(option);
            boolean flag = option.equals("--force");
            if (existing >= 0 && !flag && !option.equals("--feature")) {
                args.set(existing + 1, extra[++i]);
            } else {
                args.add(option);
                if (!flag) {
                    args.add(extra[++i]);
                }
            }
        }
        return ToolRun.of(args.toArray(String[]::new));
    }
}
