package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.crypto.Base64Url;
import dev.primary.server.licensing.ClientCredentials;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The credential headers' spelling: exactly what the protocol allows, the rest refused with 401 and the rule. */
class ClientAuthenticationTest {
    private static final String MAC = Base64Url.encode(new byte[32]);

    private static ClientCredentials credentials(String clientId, String sequence, String keyVersion) {
        HttpHeaders headers = new DefaultHttpHeaders().set("Primary-Client-Id", clientId)
                .set("Primary-Sequence", sequence).set("Primary-Mac", MAC).set("Primary-Mac-Key", keyVersion);
        return ClientAuthentication.credentials(new Request("POST", "/v1/verify", Map.of(), Map.of(), headers,
                new byte[0], "127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Zq0-_x9rT3", "0", "_", "-",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void a_client_id_is_1_to_64_base64url_characters(String clientId) {
        assertThat(credentials(clientId, "1", "1").clientId()).isEqualTo(clientId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b", "a/b", "a=", "ä", "a b", "a.b",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void any_other_client_id_is_refused(String clientId) {
        assertThatThrownBy(() -> credentials(clientId, "1", "1")).isInstanceOf(UnauthenticatedRequestException.class)
                .hasMessageContaining("is not a client id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "10", "1764583200000", "9223372036854775807"})
    void a_sequence_is_a_decimal_number_in_its_one_spelling(String sequence) {
        assertThat(credentials("client", sequence, "1").sequence()).isEqualTo(Long.parseLong(sequence));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "-1", "+1", "1e3", "1.0", "١٢", "0x10", "soon"})
    void any_other_sequence_is_refused(String sequence) {
        assertThatThrownBy(() -> credentials("client", sequence, "1"))
                .isInstanceOf(UnauthenticatedRequestException.class).hasMessageContaining("must be a decimal number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "9", "10", "999999999"})
    void a_key_version_is_1_to_999999999(String version) {
        assertThat(credentials("client", "1", version).macKeyVersion()).isEqualTo(Integer.parseInt(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "01", "1000000000", "-1", "١", "1a"})
    void any_other_key_version_is_refused(String version) {
        assertThatThrownBy(() -> credentials("client", "1", version))
                .isInstanceOf(UnauthenticatedRequestException.class).hasMessageContaining("must be a key version");
    }
}
