package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsContextsTest {

    @ParameterizedTest
    @EnumSource(value = SslProvider.class, names = {"OPENSSL", "JDK"})
    void both_tls_stacks_serve_a_client_that_pins_the_key(SslProvider provider) throws Exception {
        assumeTrue(provider != SslProvider.OPENSSL || OpenSsl.isAvailable(), "BoringSSL natives not available here");
        RouteTable routes = RouteTable.builder().get("/ping", request -> Response.json(Map.of("pong", true))).build();

        try (EdgeHarness edge = new EdgeHarness(routes, new WorkerPool("tls-test", 1, 4), provider)) {
            assertThat(edge.client.get("/ping").body()).isEqualTo("{\"pong\":true}");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SslProvider.class, names = {"OPENSSL", "JDK"})
    void the_start_up_log_says_which_stack_serves(SslProvider provider) {
        assertThat(TlsContexts.describe(provider)).startsWith(provider == SslProvider.OPENSSL ? "OpenSSL" : "JDK");
    }

    @ParameterizedTest
    @EnumSource(value = SslProvider.class, names = {"OPENSSL", "JDK"})
    void sessions_stay_resumable_for_a_day_longer_than_the_four_hours_between_check_ins(SslProvider provider) {
        assumeTrue(provider != SslProvider.OPENSSL || OpenSsl.isAvailable(), "BoringSSL natives not available here");
        io.netty.handler.ssl.SslContext context = TlsContexts.forServer(
                dev.primary.server.identity.SelfMadeCertificate.create(java.time.Clock.systemUTC(), "localhost"), provider);

        assertThat(context.sessionTimeout()).isEqualTo(24 * 60 * 60);
    }
}
