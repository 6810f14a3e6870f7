package dev.primary.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckInKeySecretTest {
    @TempDir
    Path keys;

    @Test
    void a_first_start_makes_an_owner_only_secret_of_version_1_and_a_second_reads_the_same_keys() throws Exception {
        CheckInKeySecret made = CheckInKeySecret.openOrCreate(keys);
        Path file = keys.resolve(CheckInKeySecret.FILE_NAME);

        assertThat(made.currentVersion()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).matches("1 [A-Za-z0-9_-]{43}\n");
        assertThat(CheckInKeySecret.openOrCreate(keys).key(1, "client-a").orElseThrow())
                .isEqualTo(made.key(1, "client-a").orElseThrow());
    }

    @Test
    void each_client_and_version_has_its_own_key_and_only_the_current_version_answers() {
        CheckInKeySecret secret = new CheckInKeySecret(2, new byte[32]);

        assertThat(secret.key(2, "client-a").orElseThrow()).hasSize(32)
                .isNotEqualTo(secret.key(2, "client-b").orElseThrow())
                .isNotEqualTo(new CheckInKeySecret(3, new byte[32]).key(3, "client-a").orElseThrow());
        assertThat(secret.key(1, "client-a")).isEmpty();
        assertThat(secret.toString()).isEqualTo("CheckInKeySecret[version=2]");
    }

    @Test
    void every_key_is_the_rfc_5869_hkdf_sha256_of_the_secret_so_keys_handed_out_before_stay_valid() {
        byte[] secretBytes = new byte[32];
        new java.util.Random(5869).nextBytes(secretBytes);
        for (int version : new int[] {1, 7, 999_999_999}) {
            CheckInKeySecret secret = new CheckInKeySecret(version, secretBytes);
            for (String clientId : new String[] {"client-a", "Zq0-_x9rT3", "a".repeat(64)}) {
                byte[] info = ("primary-check-in-key\n" + version + "\n" + clientId)
                        .getBytes(StandardCharsets.UTF_8);
                HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
                hkdf.init(new HKDFParameters(secretBytes, null, info));
                byte[] expected = new byte[32];
                hkdf.generateBytes(expected, 0, expected.length);

                assertThat(secret.key(version, clientId).orElseThrow()).as("%d %s", version, clientId)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void a_damaged_file_stops_the_start_with_its_name_and_the_rule() throws Exception {
        Path file = keys.resolve(CheckInKeySecret.FILE_NAME);
        Files.writeString(file, "v1 abc\n");

        assertThatThrownBy(() -> CheckInKeySecret.openOrCreate(keys)).isInstanceOf(IdentityException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'<version> <base64url secret>'");
    }
}
