package dev.primary.bench.micro;

import dev.primary.protocol.tls.PinnedTls;
import dev.primary.server.http.TlsContexts;
import dev.primary.server.identity.SelfMadeCertificate;
import dev.primary.server.identity.TlsKeyMaterial;
import dev.primary.testkit.InMemoryHandshake;
import dev.primary.testkit.ZlibCertificateInflater;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSslCertificateCompressionConfig;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full TLS 1.3 handshake on BoringSSL, client and server in one thread through buffers (no sockets, no event
 * loop): the CPU a new connection costs both sides, the key exchange X25519 as a Client Service agrees it.
 * <ul>
 *   <li>{@code shipped}: the server's {@code TlsContexts} and a client that offers no certificate compression, as a
 *       Client Service's TLS (Java 17) and the fleet simulator;</li>
 *   <li>{@code compressing}: a server with Netty's default (zlib certificate compression on) and a client that offers
 *       zlib, as the simulator and the server were until 2026-12-08: the server deflates its certificate at every
 *       full handshake and the client inflates it.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
@State(Scope.Thread)
public class TlsHandshakeBenchmark {
    private static final String[] CLIENT_SERVICE_GROUPS = {"X25519", "P-256", "P-384", "P-521"};

    @Param({"shipped", "compressing"})
    public String setup;

    private SslContext server;
    private SslContext client;

    @Setup
    public void prepare() throws SSLException {
        TlsKeyMaterial material = SelfMadeCertificate.create(Clock.systemUTC(), "localhost");
        SslContextBuilder clientBuilder = SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
                .protocols("TLSv1.3").trustManager(PinnedTls.trustManager(material.pin()))
                .option(OpenSslContextOption.GROUPS, CLIENT_SERVICE_GROUPS);
        if (setup.equals("shipped")) {
            server = TlsContexts.forServer(material, SslProvider.OPENSSL);
            clientBuilder.option(OpenSslContextOption.CERTIFICATE_COMPRESSION_ALGORITHMS,
                    OpenSslCertificateCompressionConfig.newBuilder().build());
        } else {
            server = SslContextBuilder.forServer(material.privateKey(), material.chain())
                    .sslProvider(SslProvider.OPENSSL).protocols("TLSv1.3", "TLSv1.2").build();
            clientBuilder.option(OpenSslContextOption.CERTIFICATE_COMPRESSION_ALGORITHMS,
                    OpenSslCertificateCompressionConfig.newBuilder()
                            .addAlgorithm(new ZlibCertificateInflater(), OpenSslCertificateCompressionConfig.AlgorithmMode.Decompress)
                            .build());
        }
        client = clientBuilder.build();
    }

    @TearDown
    public void release() {
        ReferenceCountUtil.release(client);
        ReferenceCountUtil.release(server);
    }

    @Benchmark
    public SSLEngine fullHandshake() throws SSLException {
        SSLEngine clientEngine = client.newEngine(ByteBufAllocator.DEFAULT);
        SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
        try {
            InMemoryHandshake.complete(clientEngine, serverEngine);
            return clientEngine;
        } finally {
            ReferenceCountUtil.release(clientEngine);
            ReferenceCountUtil.release(serverEngine);
        }
    }
}
