package dev.primary.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.protocol.message.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void a_message_survives_a_round_trip() {
        VerifyRequest request = new VerifyRequest("lease-1", new Version(1, 0, 1), 14400);

        assertThat(Json.read(Json.write(request), VerifyRequest.class)).isEqualTo(request);
    }

    @Test
    void an_unknown_field_is_refused_by_name() {
        assertThatThrownBy(() -> read("{\"leaseId\":\"x\",\"recorderVersion\":{\"major\":1,\"minor\":0,\"build\":1},"
                + "\"verifyIntervalSeconds\":60,\"admin\":true}", VerifyRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("unknown field \"admin\"");
    }

    @Test
    void a_missing_required_field_is_refused() {
        assertThatThrownBy(() -> read("{\"verifyIntervalSeconds\":60}", VerifyRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("leaseId");
    }

    @Test
    void duplicate_keys_and_trailing_data_are_refused() {
        String valid = "{\"leaseId\":\"x\",\"recorderVersion\":{\"major\":1,\"minor\":0,\"build\":1},\"verifyIntervalSeconds\":60}";
        assertThatThrownBy(() -> read(valid.replace("{\"leaseId\":\"x\",", "{\"leaseId\":\"x\",\"leaseId\":\"y\","),
                VerifyRequest.class)).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> read(valid + "{}", VerifyRequest.class)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void truncated_json_is_refused_as_malformed() {
        assertThatThrownBy(() -> read("{\"leaseId\": ", VerifyRequest.class))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void an_absent_optional_field_is_left_out_and_reads_back_as_absent() {
        LicensePayload perpetual = new LicensePayload("ACME-1", "Acme", 5, Instant.parse("2026-01-01T00:00:00Z"), null,
                List.of());

        String text = new String(Json.write(perpetual), StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("expiresAt").doesNotContain("null");
        assertThat(Json.read(text.getBytes(StandardCharsets.UTF_8), LicensePayload.class).expiry()).isEmpty();
    }

    @Test
    void a_check_in_answer_names_its_kind_in_its_status_field() {
        CheckInAnswer waiting = new CheckInAnswer.WaitingForSeat("all 5 seats are in use", 60, 2);

        String text = new String(Json.write(waiting), StandardCharsets.UTF_8);

        assertThat(text).contains("\"status\":\"waiting\"");
        assertThat(Json.read(text.getBytes(StandardCharsets.UTF_8), CheckInAnswer.class)).isEqualTo(waiting);
    }

    @Test
    void records_with_a_shorter_convenience_constructor_still_read_all_their_fields() {
        dev.primary.protocol.crypto.SignedDocument lease = new dev.primary.protocol.crypto.SignedDocument("lease", "k", "p", "s");
        CheckInAnswer.Licensed licensed = new CheckInAnswer.Licensed(lease, 60, List.of(),
                new dev.primary.protocol.release.ContentDirective(lease, "/v1/packages/x"));
        dev.primary.protocol.admin.ComputerView view = new dev.primary.protocol.admin.ComputerView(
                dev.primary.protocol.message.ComputerIdentity.computer("PC-1", "CORP"), "id", "os", Version.NONE,
                new Version(1, 0, 1), null, dev.primary.protocol.admin.ComputerState.LICENSED, "why", "S-1", null, null,
                null, null, "pilot", List.of(), 7);

        assertThat(Json.read(Json.write(licensed), CheckInAnswer.class)).isEqualTo(licensed);
        assertThat(Json.read(Json.write(view), dev.primary.protocol.admin.ComputerView.class)).isEqualTo(view);
        assertThat(read("{\"leaseId\":\"x\",\"recorderVersion\":{\"major\":1,\"minor\":0,\"build\":1},"
                + "\"verifyIntervalSeconds\":60}", VerifyRequest.class).nudgePort()).isZero();
    }

    private static <T> T read(String text, Class<T> type) {
        return Json.read(text.getBytes(StandardCharsets.UTF_8), type);
    }
}
