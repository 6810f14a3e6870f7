package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primary.protocol.tls.PinnedTls;
import dev.primary.server.identity.SelfMadeCertificate;
import dev.primary.server.identity.TlsKeyMaterial;
import dev.primary.testkit.InMemoryHandshake;
import dev.primary.testkit.ZlibCertificateInflater;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCertificateCompressionConfig;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsContextsTest {
    private static final TlsKeyMaterial TLS = SelfMadeCertificate.create(Clock.systemUTC(), "localhost");

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

    @Test
    void the_server_sends_its_certificate_uncompressed_to_a_client_that_offers_compression() throws Exception {
        assumeTrue(OpenSsl.isAvailable(), "BoringSSL natives not available here");
        ZlibCertificateInflater zlib = new ZlibCertificateInflater();

        handshake(clientOffering(zlib), TlsContexts.forServer(TLS, SslProvider.OPENSSL));

        assertThat(zlib.inflated()).as("certificates the client had to decompress").isZero();
    }

    @Test
    void nettys_own_default_would_compress_it_so_the_check_above_can_fail() throws Exception {
        assumeTrue(OpenSsl.isAvailable(), "BoringSSL natives not available here");
        ZlibCertificateInflater zlib = new ZlibCertificateInflater();
        SslContext nettyDefault = SslContextBuilder.forServer(TLS.privateKey(), TLS.chain())
                .sslProvider(SslProvider.OPENSSL).protocols("TLSv1.3").build();

        handshake(clientOffering(zlib), nettyDefault);

        assertThat(zlib.inflated()).as("certificates the client had to decompress").isEqualTo(1);
    }

    private static void handshake(SslContext client, SslContext server) throws Exception {
        SSLEngine clientEngine = client.newEngine(ByteBufAllocator.DEFAULT, "localhost", 16770);
        SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
        try {
            InMemoryHandshake.complete(clientEngine, serverEngine);
        } finally {
            ReferenceCountUtil.release(clientEngine);
            ReferenceCountUtil.release(serverEngine);
            ReferenceCountUtil.release(client);
            ReferenceCountUtil.release(server);
        }
    }

    private static SslContext clientOffering(ZlibCertificateInflater zlib) throws Exception {
        return SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL).protocols("TLSv1.3")
                .trustManager(PinnedTls.trustManager(TLS.pin()))
                .option(OpenSslContextOption.CERTIFICATE_COMPRESSION_ALGORITHMS, OpenSslCertificateCompressionConfig
                        .newBuilder().addAlgorithm(zlib, OpenSslCertificateCompressionConfig.AlgorithmMode.Decompress)
                        .build())
                .build();
    }
}
