package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primary.protocol.tls.PinnedTls;
import dev.primary.server.identity.SelfMadeCertificate;
import dev.primary.server.identity.SessionTicketKeys;
import dev.primary.server.identity.TlsKeyMaterial;
import dev.primary.testkit.FreePorts;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's TLS session survives a server restart when the ticket keys are kept (BoringSSL only). */
class SessionResumptionTest {
    private static final TlsKeyMaterial TLS = SelfMadeCertificate.create(Clock.systemUTC(), "localhost");
    private static final RouteTable ROUTES = RouteTable.builder()
            .get("/v1/hello", request -> Response.json(java.util.Map.of("hello", "world")))
            .build();

    @TempDir
    Path directory;

    private final int port = FreePorts.next();

    @Test
    void a_restarted_server_with_the_same_ticket_keys_resumes_the_clients_session() throws Exception {
        assumeTrue(OpenSsl.isAvailable(), "BoringSSL is not available here");
        Path keyFile = directory.resolve("tls-session-ticket-keys");
        SSLContext client = PinnedTls.trusting(TLS.pin());

        long resumedBefore = resumedAfterOneRestart(client, keyFile, keyFile);

        assertThat(resumedBefore).as("sessions resumed by the restarted server").isEqualTo(1);
    }

    @Test
    void a_restarted_server_with_new_ticket_keys_makes_a_full_handshake() throws Exception {
        assumeTrue(OpenSsl.isAvailable(), "BoringSSL is not available here");
        SSLContext client = PinnedTls.trusting(TLS.pin());

        long resumed = resumedAfterOneRestart(client, directory.resolve("first-keys"), directory.resolve("other-keys"));

        assertThat(resumed).as("sessions resumed by a server that forgot its keys").isZero();
    }

    private long resumedAfterOneRestart(SSLContext client, Path firstKeys, Path restartKeys) throws Exception {
        try (Served first = serve(firstKeys)) {
            hello(client);
        }
        try (Served restarted = serve(restartKeys)) {
            hello(client);
            OpenSslSessionContext sessions = (OpenSslSessionContext) restarted.context.sessionContext();
            return sessions.stats().ticketKeyResume() + sessions.stats().hits();
        }
    }

    private Served serve(Path keyFile) {
        SslContext context = TlsContexts.forServer(TLS, SslProvider.OPENSSL);
        TlsContexts.useTicketKeys(context, SessionTicketKeys.openOrCreate(keyFile, Instant.now()));
        NettyTransport transport = NettyTransport.start();
        WorkerPool workers = new WorkerPool("test", 2, 16);
        HttpListener listener = HttpListener.start(new ListenerSettings("test", "port", "127.0.0.1", port,
                HttpLimits.withMaxBody(1024)), context, ROUTES, workers, transport);
        return new Served(context, listener, workers, transport);
    }

    private void hello(SSLContext client) throws Exception {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /v1/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
    }

    private record Served(SslContext context, HttpListener listener, WorkerPool workers, NettyTransport transport)
            implements AutoCloseable {
        @Override
        public void close() {
            listener.close();
            workers.drain(java.time.Duration.ofSeconds(1));
            transport.close();
        }
    }
}
