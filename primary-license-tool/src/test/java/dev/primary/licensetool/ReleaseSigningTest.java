package dev.primary.licensetool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseSigningTest {
    @TempDir
    Path dir;

    private Path keys;
    private Path packageFile;
    private byte[] packageBytes;

    @BeforeEach
    void createReleaseKeyAndPackage() throws IOException {
        keys = dir.resolve("release-keys");
        ToolRun created = ToolRun.of("release-key", "create", "--out", keys.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created release key").contains("trusted-release-keys");
        packageFile = dir.resolve("recorder-1.2.345.pkg");
        packageBytes = new byte[300_000];
        for (int i = 0; i < packageBytes.length; i++) {
            packageBytes[i] = (byte) (i * 31 + 7);
        }
        Files.write(packageFile, packageBytes);
    }

    @Test
    void release_key_create_writes_an_owner_only_secret_and_refuses_to_overwrite_it() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("release.key"))))
                .isEqualTo("rw-------");
        assertThat(KeyFiles.readSigningKey(keys.resolve("release.key")).publicKey())
                .isEqualTo(KeyFiles.readPublicKey(keys.resolve("release.pub")));

        ToolRun again = ToolRun.of("release-key", "create", "--out", keys.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists").contains("refusing to overwrite a release key");
    }

    @Test
    void a_signed_release_names_the_packages_size_and_digest_and_verifies_with_the_release_public_key() {
        Path manifestFile = dir.resolve("recorder.release");

        ToolRun sign = ToolRun.of("release", "sign", "--release-key", keys.resolve("release.key").toString(),
                "--product", "recorder", "--version", "1.2.345", "--file", packageFile.toString(),
                "--min-client-version", "0.1.0", "--notes", "faster capture", "--out", manifestFile.toString());

        assertThat(sign.exitCode()).as(sign.err()).isZero();
        PublicKey releasePub = KeyFiles.readPublicKey(keys.resolve("release.pub"));
        SignedDocument document = DocumentFiles.read(manifestFile);
        ReleaseManifest manifest = Json.read(document.verifiedPayload(SignedDocument.RELEASE, releasePub),
                ReleaseManifest.class);
        assertThat(manifest).isEqualTo(new ReleaseManifest(Product.RECORDER, new Version(1, 2, 345),
                "recorder-1.2.345.pkg", packageBytes.length, Sha256.hex(packageBytes), new Version(0, 1, 0),
                "faster capture", ToolRun.CLOCK.instant(), false));
        assertThat(sign.out()).contains("Signed recorder release V 1.2 (0345): recorder-1.2.345.pkg, 300000 bytes")
                .contains("primary-admin release add " + manifestFile + " --package " + packageFile);

        ToolRun show = ToolRun.of("show", manifestFile.toString(), "--release-pub", keys.resolve("release.pub").toString(),
                "--package", packageFile.toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("Kind:        release").contains("version:   V 1.2 (0345)")
                .contains("product:   recorder").contains("Package:     matches").contains("Signature:   valid");
    }

    @Test
    void show_refuses_a_package_that_is_not_the_one_the_manifest_names() throws IOException {
        Path manifestFile = dir.resolve("recorder.release");
        assertThat(signRelease(manifestFile, "--downgrade").exitCode()).isZero();
        packageBytes[1000] ^= 1;
        Files.write(packageFile, packageBytes);

        ToolRun show = ToolRun.of("show", manifestFile.toString(), "--package", packageFile.toString());

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.out()).contains("downgrade: true").contains("Package:     DOES NOT MATCH");
        assertThat(show.err()).contains("is not the package this manifest names");
    }

    @Test
    void a_release_signed_by_another_key_fails_show_with_the_trusted_key() {
        Path manifestFile = dir.resolve("recorder.release");
        assertThat(signRelease(manifestFile).exitCode()).isZero();
        Path otherKeys = dir.resolve("other");
        assertThat(ToolRun.of("release-key", "create", "--out", otherKeys.toString()).exitCode()).isZero();

        ToolRun show = ToolRun.of("show", manifestFile.toString(), "--public-key", otherKeys.resolve("release.pub").toString());

        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).contains("signature INVALID");
    }

    @Test
    void a_signed_content_update_carries_its_revision_and_verifies() {
        Path manifestFile = dir.resolve("content-7.content");

        ToolRun sign = ToolRun.of("content", "sign", "--release-key", keys.resolve("release.key").toString(),
                "--revision", "7", "--file", packageFile.toString(), "--notes", "new signatures",
                "--out", manifestFile.toString());

        assertThat(sign.exitCode()).as(sign.err()).isZero();
        ContentManifest manifest = Json.read(DocumentFiles.read(manifestFile).verifiedPayload(SignedDocument.CONTENT,
                KeyFiles.readPublicKey(keys.resolve("release.pub"))), ContentManifest.class);
        assertThat(manifest).isEqualTo(new ContentManifest(7, "recorder-1.2.345.pkg", packageBytes.length,
                Sha256.hex(packageBytes), "new signatures", ToolRun.CLOCK.instant()));
        ToolRun show = ToolRun.of("show", manifestFile.toString(), "--package", packageFile.toString());
        assertThat(show.out()).contains("Kind:        content").contains("revision:  7").contains("Package:     matches");
    }

    @Test
    void wrong_release_options_are_usage_errors_and_write_nothing() throws IOException {
        Path manifestFile = dir.resolve("bad.release");
        Files.writeString(dir.resolve("bad name.pkg"), "x", StandardCharsets.UTF_8);

        ToolRun product = signRelease(manifestFile, "--product", "player");
        ToolRun version = signRelease(manifestFile, "--version", "1.2");
        ToolRun name = ToolRun.of("release", "sign", "--release-key", keys.resolve("release.key").toString(),
                "--product", "recorder", "--version", "1.2.3", "--file", dir.resolve("bad name.pkg").toString(),
                "--out", manifestFile.toString());
        ToolRun revision = ToolRun.of("content", "sign", "--release-key", keys.resolve("release.key").toString(),
                "--revision", "0", "--file", packageFile.toString(), "--out", manifestFile.toString());

        for (ToolRun run : List.of(product, version, name, revision)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
        }
        assertThat(product.err()).contains("product must be recorder or client-service");
        assertThat(name.err()).contains("--file-name");
        assertThat(revision.err()).contains("revision must be at least 1");
        assertThat(manifestFile).doesNotExist();
    }

    @Test
    void a_missing_package_fails_with_its_name() {
        ToolRun run = ToolRun.of("release", "sign", "--release-key", keys.resolve("release.key").toString(),
                "--product", "recorder", "--version", "1.2.3", "--file", dir.resolve("missing.pkg").toString(),
                "--out", dir.resolve("x.release").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("license-tool: no such file: " + dir.resolve("missing.pkg") + "\n");
    }

    @Test
    void the_release_commands_have_help() {
        for (String[] command : List.of(new String[] {"release-key", "create", "--help"},
                new String[] {"release", "sign", "--help"}, new String[] {"content", "sign", "--help"})) {
            ToolRun help = ToolRun.of(command);
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage: license-tool");
        }
    }

    private ToolRun signRelease(Path manifestFile, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("release", "sign", "--release-key",
                keys.resolve("release.key").toString(), "--product", "recorder", "--version", "1.2.345",
                "--file", packageFile.toString(), "--out", manifestFile.toString()));
        for (int i = 0; i < extra.length; i++) {
            int existing = args.indexOf(extra[i]);
            if (existing >= 0) {
                args.set(existing + 1, extra[++i]);
            } else {
                args.add(extra[i]);
            }
        }
        return ToolRun.of(args.toArray(String[]::new));
    }
}
