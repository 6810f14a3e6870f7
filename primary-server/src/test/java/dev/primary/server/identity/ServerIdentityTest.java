package dev.primary.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.tls.TlsPin;
import dev.primary.server.config.TlsSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private ServerIdentity open(Path root) {
        return ServerIdentity.openOrCreate(DataDirectory.prepare(root), new TlsSource.SelfMade(), CLOCK);
    }

    @Test
    void the_first_start_creates_the_identity_and_later_starts_reuse_it() throws IOException {
        Path root = temp.resolve("data");

        ServerIdentity first = open(root);
        ServerIdentity second = open(root);

        assertThat(first.newInstallation()).isTrue();
        assertThat(second.newInstallation()).isFalse();
        assertThat(second.serverId()).isEqualTo(first.serverId());
        assertThat(second.signingKey()).isEqualTo(first.signingKey());
        assertThat(second.tls().pin()).isEqualTo(first.tls().pin());
        assertThat(second.adminToken().matches(first.adminToken().encoded())).isTrue();
        assertThat(Files.readString(root.resolve("keys/server-signing.pub")).strip())
                .isEqualTo(first.signingKey().publicKey().encoded());
    }

    @Test
    void two_installations_have_different_identities() {
        ServerIdentity one = open(temp.resolve("one"));
        ServerIdentity other = open(temp.resolve("other"));

        assertThat(one.serverId()).isNotEqualTo(other.serverId());
        assertThat(one.signingKey()).isNotEqualTo(other.signingKey());
        assertThat(one.tls().pin()).isNotEqualTo(other.tls().pin());
        assertThat(one.adminToken().matches(other.adminToken().encoded())).isFalse();
    }

    @Test
    void secrets_are_owner_only_and_the_data_directory_is_private() throws IOException {
        Path root = temp.resolve("data");
        open(root);

        assertThat(permissions(root)).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("keys"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("keys/server-signing.key"))).isEqualTo("rw-------");
        assertThat(permissions(root.resolve("keys/tls.key"))).isEqualTo("rw-------");
        assertThat(permissions(root.resolve("admin-token"))).isEqualTo("rw-------");
    }

    @Test
    void the_admin_token_is_32_random_bytes_in_base64url() throws IOException {
        Path root = temp.resolve("data");
        ServerIdentity identity = open(root);

        String token = Files.readString(root.resolve("admin-token")).strip();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(identity.adminToken().matches(token)).isTrue();
        assertThat(identity.adminToken().matches(token + "x")).isFalse();
        assertThat(identity.adminToken().toString()).doesNotContain(token);
    }

    @Test
    void the_self_made_certificate_is_ec_p256_for_primary_server_on_localhost_for_ten_years() throws Exception {
        Path root = temp.resolve("data");
        ServerIdentity identity = open(root);

        X509Certificate certificate = identity.tls().certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=primary-server");
        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(certificate.getSubjectAlternativeNames())
                .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(Duration.between(CLOCK.instant(), certificate.getNotAfter().toInstant()).toDays()).isEqualTo(3650);
        assertThat(Files.readString(root.resolve("keys/tls.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(root.resolve("keys/tls.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(identity.tls().pin()).isEqualTo(TlsPin.of(PemFiles.readCertificates(root.resolve("keys/tls.crt")).get(0)));
    }

    @Test
    void a_lost_signing_key_of_an_existing_installation_is_not_silently_replaced() throws IOException {
        Path root = temp.resolve("data");
        open(root);
        Files.delete(root.resolve("keys/server-signing.key"));

        assertThatThrownBy(() -> open(root))
                .isInstanceOf(InstallationIncompleteException.class)
                .hasMessageContaining("server-signing.key is missing")
                .hasMessageContaining("Restore the key from a backup");
        assertThat(root.resolve("keys/server-signing.key")).doesNotExist();
    }

    @Test
    void a_lost_installation_id_is_not_silently_replaced() throws IOException {
        Path root = temp.resolve("data");
        open(root);
        Files.delete(root.resolve("installation-id"));

        assertThatThrownBy(() -> open(root))
                .isInstanceOf(InstallationIncompleteException.class)
                .hasMessageStartingWith(root.resolve("installation-id") + " is missing, but this data directory holds "
                        + "an installation (keys/server-signing.key, keys/server-signing.pub, keys/tls.key, keys/tls.crt)")
                .hasMessageContaining("registration code")
                .hasMessageContaining("Restore installation-id from a backup");
        assertThat(root.resolve("installation-id")).doesNotExist();
    }

    @Test
    void a_lost_tls_key_is_refused_and_no_new_key_is_made() throws IOException {
        Path root = temp.resolve("data");
        open(root);
        Files.delete(root.resolve("keys/tls.key"));

        assertThatThrownBy(() -> open(root))
                .isInstanceOf(InstallationIncompleteException.class)
                .hasMessageStartingWith(root.resolve("keys/tls.key") + " is missing, but this data directory holds an "
                        + "installation. Clients pinned this installation's TLS key and refuse any other")
                .hasMessageContaining("Restore keys/tls.key and keys/tls.crt together from a backup")
                .hasMessageContaining("--new-tls-key");
        assertThat(root.resolve("keys/tls.key")).doesNotExist();
    }

    @Test
    void a_lost_tls_key_is_replaced_only_when_asked_and_the_identity_says_so() throws IOException {
        Path root = temp.resolve("data");
        ServerIdentity first = open(root);
        Files.delete(root.resolve("keys/tls.key"));

        ServerIdentity second = ServerIdentity.openOrCreate(DataDirectory.prepare(root), new TlsSource.SelfMade(),
                CLOCK, true);

        assertThat(second.tlsKeyReplacement()).isEqualTo(TlsKeyReplacement.KEY_MISSING);
        assertThat(second.tls().pin()).isNotEqualTo(first.tls().pin());
        assertThat(second.serverId()).isEqualTo(first.serverId());
        assertThat(open(root).tls().pin()).isEqualTo(second.tls().pin());
    }

    @Test
    void a_tls_key_that_is_not_the_certificates_key_is_refused() throws IOException {
        Path root = temp.resolve("data");
        open(root);
        Files.writeString(root.resolve("keys/tls.key"), PemFiles.encode(SelfMadeCertificate.create(CLOCK, "").privateKey()));

        assertThatThrownBy(() -> open(root))
                .isInstanceOf(InstallationIncompleteException.class)
                .hasMessageStartingWith(root.resolve("keys/tls.key") + " is not the key of " + root.resolve("keys/tls.crt")
                        + ": every TLS handshake would fail");
    }

    @Test
    void a_new_tls_key_is_refused_when_the_key_in_place_is_fine() {
        Path root = temp.resolve("data");
        open(root);

        assertThatThrownBy(() -> ServerIdentity.openOrCreate(DataDirectory.prepare(root), new TlsSource.SelfMade(),
                CLOCK, true))
                .isInstanceOf(InstallationIncompleteException.class)
                .hasMessageContaining("there is nothing to replace");
    }

    @Test
    void a_signing_public_key_that_is_not_the_private_keys_half_is_refused() throws IOException {
        Path root = temp.resolve("data");
        open(root);
        Files.writeString(root.resolve("keys/server-signing.pub"),
                dev.primary.protocol.crypto.Ed25519.generate().publicKey().encoded() + "\n");

        assertThatThrownBy(() -> open(root))
                .isInstanceOf(InstallationIncompleteException.class)
                .hasMessageStartingWith(root.resolve("keys/server-signing.pub") + " is not the public half of "
                        + root.resolve("keys/server-signing.key"))
                .hasMessageContaining("Restore both files from the same backup");
    }

    @Test
    void a_lost_signing_public_key_is_written_again_from_the_private_key() throws IOException {
        Path root = temp.resolve("data");
        ServerIdentity first = open(root);
        Files.delete(root.resolve("keys/server-signing.pub"));

        open(root);

        assertThat(Files.readString(root.resolve("keys/server-signing.pub")).strip())
                .isEqualTo(first.signingKey().publicKey().encoded());
    }

    @Test
    void secrets_found_open_to_others_are_made_owner_only() throws IOException {
        Path root = temp.resolve("data");
        open(root);
        for (String secret : List.of("admin-token", "keys/server-signing.key", "keys/tls.key")) {
            Files.setPosixFilePermissions(root.resolve(secret), PosixFilePermissions.fromString("rw-r--r--"));
        }

        open(root);

        for (String secret : List.of("admin-token", "keys/server-signing.key", "keys/tls.key")) {
            assertThat(permissions(root.resolve(secret))).as(secret).isEqualTo("rw-------");
        }
    }

    @Test
    void a_data_directory_holding_only_operator_files_is_a_first_start() throws IOException {
        Files.createDirectories(temp.resolve("data/trusted-vendors"));
        Files.writeString(temp.resolve("data/server.properties"), "port=16770\n");

        ServerIdentity identity = open(temp.resolve("data"));

        assertThat(identity.newInstallation()).isTrue();
    }

    @Test
    void deleting_the_admin_token_rotates_it_at_the_next_start() throws IOException {
        Path root = temp.resolve("data");
        ServerIdentity first = open(root);
        Files.delete(root.resolve("admin-token"));

        ServerIdentity second = open(root);

        assertThat(second.adminToken().matches(first.adminToken().encoded())).isFalse();
        assertThat(second.serverId()).isEqualTo(first.serverId());
    }

    @Test
    void an_operator_supplied_certificate_is_served_instead_of_a_self_made_one() throws IOException {
        TlsKeyMaterial operator = SelfMadeCertificate.create(CLOCK, "primary.example.org");
        Path certificate = temp.resolve("operator.crt");
        Path key = temp.resolve("operator.key");
        Files.writeString(certificate, PemFiles.encode(operator.certificate()) + "\n");
        Files.writeString(key, PemFiles.encode(operator.privateKey()) + "\n");

        ServerIdentity identity = ServerIdentity.openOrCreate(DataDirectory.prepare(temp.resolve("data")),
                new TlsSource.OperatorSupplied(certificate, key), CLOCK);

        assertThat(identity.tls().pin()).isEqualTo(operator.pin());
        assertThat(temp.resolve("data/keys/tls.key")).doesNotExist();
    }

    @Test
    void an_operator_key_that_does_not_belong_to_the_certificate_is_refused() throws IOException {
        Path certificate = temp.resolve("operator.crt");
        Path key = temp.resolve("operator.key");
        Files.writeString(certificate, PemFiles.encode(SelfMadeCertificate.create(CLOCK, "").certificate()));
        Files.writeString(key, PemFiles.encode(SelfMadeCertificate.create(CLOCK, "").privateKey()));

        assertThatThrownBy(() -> ServerIdentity.openOrCreate(DataDirectory.prepare(temp.resolve("data")),
                new TlsSource.OperatorSupplied(certificate, key), CLOCK))
                .hasMessageContaining("is not the key of the certificate");
    }

    @Test
    void a_data_directory_that_is_a_file_is_refused() throws IOException {
        Path file = Files.createFile(temp.resolve("not-a-directory"));

        assertThatThrownBy(() -> DataDirectory.prepare(file)).hasMessage("data-dir " + file + " is not a directory");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
