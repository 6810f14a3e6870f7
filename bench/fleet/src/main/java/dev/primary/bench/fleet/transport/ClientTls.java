package dev.primary.bench.fleet.transport;

import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCertificateCompressionConfig;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.internal.tcnative.SSL;
import io.netty.internal.tcnative.SSLContext;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;

/**
 * The simulator's TLS: BoringSSL through netty-tcnative where it loads (the server's own stack), else the JDK's;
 * TLS 1.3 only; trust by the server's pin. With resumption on, each fresh connection offers the ticket kept in its
 * slot ({@link NativeSessionTickets}); with it off, every handshake is a full one.
 * <p>
 * It offers the key exchanges it is given, by default a Client Service's
 * ({@link TransportSettings#CLIENT_SERVICE_KEY_EXCHANGES}), not BoringSSL's own default; and, as a Client Service's
 * TLS (Java 17), no certificate compression (RFC 8879), which Netty otherwise offers with BoringSSL and a server that
 * has it on would answer with a compressed certificate at every full handshake.
 */
final class ClientTls implements AutoCloseable {
    private static final OpenSslCertificateCompressionConfig NO_CERTIFICATE_COMPRESSION =
            OpenSslCertificateCompressionConfig.newBuilder().build();

    private final SslContext context;
    private final boolean resumption;
    private final NativeSessionTickets tickets;
    private final List<String> offered;
    private final Map<String, LongAdder> keyExchanges = new ConcurrentHashMap<>();

    private ClientTls(SslContext context, boolean resumption, NativeSessionTickets tickets, List<String> offered) {
        this.context = context;
        this.resumption = resumption;
        this.tickets = tickets;
        this.offered = offered;
    }

    static ClientTls create(TlsPin pin, boolean resumption, int ticketSlots, List<String> groups) {
        SslProvider provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
        SslContext context;
        try {
            SslContextBuilder builder = SslContextBuilder.forClient()
                    .sslProvider(provider)
                    .protocols("TLSv1.3")
                    .trustManager(PinnedTls.trustManager(pin));
            if (provider == SslProvider.OPENSSL) {
                builder.option(OpenSslContextOption.GROUPS, groups.toArray(String[]::new))
                        .option(OpenSslContextOption.CERTIFICATE_COMPRESSION_ALGORITHMS, NO_CERTIFICATE_COMPRESSION);
            }
            context = builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up client TLS with " + provider + " offering key exchanges "
                    + groups + ": " + e.getMessage(), e);
        }
        NativeSessionTickets tickets = null;
        long handle = context instanceof ReferenceCountedOpenSslContext openSsl ? nativeHandle(openSsl) : 0;
        if (handle != 0) {
            tickets = new NativeSessionTickets(Math.max(1, ticketSlots));
            SSLContext.setSSLSessionCache(handle, tickets);
        }
        return new ClientTls(context, resumption, tickets, provider == SslProvider.OPENSSL ? List.copyOf(groups)
                : List.of());
    }

    /**
     * tcnative's own handle of the context (its {@code tcn_ssl_ctxt_t}), which its {@code SSLContext} calls take.
     * Netty keeps it in a protected field and only hands out the raw {@code SSL_CTX*}, which those calls must not
     * get; read by reflection (Netty is on the class path, not a module). 0 when that fails: then the JDK-style
     * fallback of Netty's own cache is used.
     */
    private static long nativeHandle(ReferenceCountedOpenSslContext context) {
        try {
            java.lang.reflect.Field field = ReferenceCountedOpenSslContext.class.getDeclaredField("ctx");
            field.setAccessible(true);
            return field.getLong(context);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * A TLS handler for a new connection; offers the ticket of {@code ticketSlot} when resumption is on, and keeps
     * the tickets the connection receives there.
     */
    TlsConnection newConnection(ByteBufAllocator allocator, Endpoint endpoint, int ticketSlot) {
        if (tickets == null) {
            // Fallback: the provider's own session cache, keyed by host and port, resumes when asked to.
            SslHandler handler = resumption ? context.newHandler(allocator, endpoint.host(), endpoint.port())
                    : context.newHandler(allocator);
            return new TlsConnection(handler, 0, null);
        }
        SslHandler handler = context.newHandler(allocator);
        long pointer = sslPointer(handler);
        Object attachment = resumption && ticketSlot >= 0 && ticketSlot < tickets.slotCount()
                ? tickets.attach(pointer, ticketSlot) : null;
        return new TlsConnection(handler, pointer, attachment);
    }

    /**
     * The handshake of {@code connection} succeeded: which one it was, with its key exchange counted (on BoringSSL,
     * for every handshake, resumed ones included: TLS 1.3 resumes with a fresh key exchange).
     */
    Handshake handshakeCompleted(TlsConnection connection) {
        String group = connection.keyExchange();
        if (group != null) {
            keyExchanges.computeIfAbsent(group, name -> new LongAdder()).increment();
        }
        return connection.handshake();
    }

    /** The key exchanges of the handshakes so far, by group name (empty on the JDK provider, which does not tell). */
    Map<String, Long> keyExchanges() {
        Map<String, Long> counted = new TreeMap<>();
        keyExchanges.forEach((group, count) -> counted.put(group, count.sum()));
        return counted;
    }

    /** The connection is closed: its tickets no longer go to its slot. */
    void connectionClosed(TlsConnection connection) {
        if (tickets != null && connection.attachment() != null) {
            tickets.detach(connection.sslPointer(), connection.attachment());
        }
    }

    /**
     * The TLS side of one connection.
     *
     * @param handler its handler
     * @param sslPointer the native {@code SSL*} (0 on the JDK provider)
     * @param attachment its claim on a ticket slot, or null
     */
    record TlsConnection(SslHandler handler, long sslPointer, Object attachment) {
        /** Which handshake it made; ask once its handshake succeeded. */
        Handshake handshake() {
            if (sslPointer != 0) {
                return SSL.isSessionReused(sslPointer) ? Handshake.RESUMED : Handshake.FULL;
            }
            return Handshake.FULL; // the JDK engine does not tell; counted as full
        }

        /** The key exchange's group of the completed handshake (BoringSSL's name, e.g. X25519), or null. */
        String keyExchange() {
            if (sslPointer == 0) {
                return null;
            }
            try {
                return SSL.getGroupName(sslPointer);
            } catch (Exception e) {
                return null;
            }
        }
    }

    /** The native {@code SSL*} behind {@code handler}, or 0 on the JDK provider. */
    private static long sslPointer(SslHandler handler) {
        return handler.engine() instanceof ReferenceCountedOpenSslEngine engine ? engine.sslPointer() : 0;
    }

    /** How many ticket slots hold a session (0 on the JDK provider, which keeps none per slot). */
    int sessionsHeld() {
        return tickets == null ? 0 : tickets.held();
    }

    /** Whether ticket slot {@code slot} holds a session. */
    boolean holdsSession(int slot) {
        return tickets != null && slot >= 0 && slot < tickets.slotCount() && tickets.holds(slot);
    }

    /** The lifetime in seconds of the session held in {@code slot}, or -1 when it holds none. */
    long sessionLifetimeSeconds(int slot) {
        return tickets == null || slot < 0 || slot >= tickets.slotCount() ? -1 : tickets.lifetimeSeconds(slot);
    }

    String describe() {
        String stack = context instanceof ReferenceCountedOpenSslContext ? OpenSsl.versionString()
                + " via netty-tcnative" : "JDK TLS (BoringSSL unavailable)";
        return stack + (tickets == null && resumption ? " (shared session cache)" : "")
                + ", TLS 1.3, resumption " + (resumption ? "on" : "off")
                + (offered.isEmpty() ? "" : ", key exchanges offered " + String.join(", ", offered)
                        + (offered.equals(TransportSettings.CLIENT_SERVICE_KEY_EXCHANGES) ? " (a Client Service's)" : "")
                        + ", no certificate compression");
    }

    @Override
    public void close() {
        ReferenceCountUtil.release(context);
        if (tickets != null) {
            tickets.close();
        }
    }
}
