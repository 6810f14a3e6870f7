package dev.primary.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.RolloutRequest;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.VerifyIntervals;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictTypesTest {
    private static final String VERSION = "{\"major\":1,\"minor\":0,\"build\":1}";

    private static String verify(String leaseId, String interval) {
        return "{\"leaseId\":" + leaseId + ",\"recorderVersion\":" + VERSION + ",\"verifyIntervalSeconds\":" + interval
                + "}";
    }

    private static <T> T read(String json, Class<T> type) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void an_integer_field_takes_a_json_integer() {
        assertThat(read(verify("\"x\"", "14400"), VerifyRequest.class).verifyIntervalSeconds()).isEqualTo(14400);
    }

    @Test
    void an_integer_field_refuses_a_string_of_digits_naming_the_field() {
        assertThatThrownBy(() -> read(verify("\"x\"", "\"14400\""), VerifyRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("verifyIntervalSeconds");
    }

    @Test
    void an_integer_field_refuses_a_number_with_a_fraction_even_when_it_is_whole() {
        assertThatThrownBy(() -> read(verify("\"x\"", "14400.0"), VerifyRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("verifyIntervalSeconds");
    }

    @Test
    void a_boxed_integer_field_refuses_a_string_and_a_boolean() {
        String base = "{\"product\":\"recorder\",\"version\":" + VERSION + ",\"group\":\"\",\"percent\":";
        assertThatThrownBy(() -> read(base + "\"50\"}", RolloutRequest.class))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("percent");
        assertThatThrownBy(() -> read(base + "true}", RolloutRequest.class))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("percent");
    }

    @Test
    void a_string_field_refuses_a_number_and_a_boolean() {
        assertThatThrownBy(() -> read(verify("12345", "60"), VerifyRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("leaseId");
        assertThatThrownBy(() -> read(verify("true", "60"), VerifyRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("leaseId");
    }

    @Test
    void an_enum_refuses_its_index() {
        String json = "{\"product\":0,\"version\":" + VERSION + "}";
        assertThatThrownBy(() -> read(json, RolloutRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("product");
    }

    @Test
    void a_check_in_interval_beyond_one_year_is_refused_with_the_bound() {
        assertThatThrownBy(() -> read(verify("\"x\"", Long.toString(Long.MAX_VALUE)), VerifyRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("verifyIntervalSeconds must be 1 to " + VerifyIntervals.MAX_SECONDS);
        assertThat(read(verify("\"x\"", Long.toString(VerifyIntervals.MAX_SECONDS)), VerifyRequest.class)
                .verifyIntervalSeconds()).isEqualTo(VerifyIntervals.MAX_SECONDS);
    }

    @Test
    void a_problem_carries_its_incident_id_only_when_it_has_one() {
        Problem plain = new Problem("urn:x", "X", 400, "bad");
        Problem fault = new Problem("urn:x", "X", 500, "failed", "k3x9a2mq4z");

        assertThat(new String(Json.write(plain), StandardCharsets.UTF_8)).doesNotContain("incident");
        assertThat(read(new String(Json.write(fault), StandardCharsets.UTF_8), Problem.class).incidentId())
                .hasValue("k3x9a2mq4z");
    }
}
