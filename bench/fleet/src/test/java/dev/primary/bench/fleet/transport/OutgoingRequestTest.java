package dev.primary.bench.fleet.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingRequestTest {
    @Test
    void a_post_on_a_kept_connection_is_encoded_with_host_type_length_and_its_headers() {
        OutgoingRequest request = OutgoingRequest.postJson("/v1/verify", List.of(new Header("Primary-Sequence", "5")),
                "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(text(request, true)).isEqualTo("POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1:16770\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nPrimary-Sequence: 5\r\n\r\n{}");
    }

    @Test
    void a_get_on_a_fresh_connection_asks_the_server_to_close() {
        OutgoingRequest request = OutgoingRequest.get("/v1/packages/abc", List.of());
        assertThat(text(request, false)).isEqualTo("GET /v1/packages/abc HTTP/1.1\r\nHost: 127.0.0.1:16770\r\n"
                + "Connection: close\r\n\r\n");
    }

    @Test
    void headers_cannot_smuggle_line_breaks() {
        assertThatThrownBy(() -> new Header("X", "a\r\nInjected: yes")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(OutgoingRequest request, boolean keepAlive) {
        ByteBuf buffer = request.encode(UnpooledByteBufAllocator.DEFAULT, "127.0.0.1:16770", keepAlive);
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            buffer.release();
        }
    }
}
