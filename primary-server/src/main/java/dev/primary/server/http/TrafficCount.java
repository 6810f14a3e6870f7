package dev.primary.server.http;

import dev.primary.protocol.admin.TrafficCounters;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Counts what a listener answered, by kind, since it started: the figures behind
 * {@code GET /admin/v1/counters}. Contention-free ({@link LongAdder}); safe from any thread.
 */
public final class TrafficCount {
    private final LongAdder registrations = new LongAdder();
    private final LongAdder verifications = new LongAdder();
    private final LongAdder reports = new LongAdder();
    private final LongAdder packageDownloads = new LongAdder();
    private final LongAdder busyRefusals = new LongAdder();
    private final LongAdder problemAnswers = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder refusedConnections = new LongAdder();
    private final LongAdder timedOutRequests = new LongAdder();
    private final LongAdder fullHandshakes = new LongAdder();
    private final LongAdder resumedHandshakes = new LongAdder();
    private final Map<String, LongAdder> keyExchanges = new ConcurrentHashMap<>();
    private volatile Consumer<String> newKeyExchange = group -> { };
    private volatile RequestObserver observer = RequestObserver.NONE;
    private volatile Supplier<RouteTable> routes = () -> RouteTable.builder().build();

    /** Also tells {@code next} of every answer, with its route pattern (metrics). */
    public void observeWith(RequestObserver next) {
        observer = next;
    }

    void nameRoutesWith(Supplier<RouteTable> served) {
        routes = served;
    }

    /** Counts one answer to {@code method path} with {@code status}. */
    void answered(String method, String path, int status) {
        RequestObserver current = observer;
        if (current != RequestObserver.NONE) {
            current.answered(method, routes.get().routeOf(method, RequestDispatcher.pathOf(path)), status);
        }
        if (status == 503) {
            busyRefusals.increment();
        } else if (status == 429) {
            rateLimited.increment();
        } else if (status >= 400) {
            problemAnswers.increment();
        } else if (method.equals("POST") && path.equals("/v1/verify")) {
            verifications.increment();
        } else if (method.equals("POST") && path.equals("/v1/register")) {
            registrations.increment();
        } else if (method.equals("POST") && path.equals("/v1/report")) {
            reports.increment();
        } else if (method.equals("GET") && path.startsWith("/v1/packages/")) {
            packageDownloads.increment();
        }
    }

    /** Tells the observer how much of one file body (a package) was sent. */
    void fileBytesSent(long bytes, boolean complete) {
        observer.fileBytesSent(bytes, complete);
    }

    /** Counts one connection closed as it was accepted, over a connection cap. */
    void refusedConnection() {
        refusedConnections.increment();
    }

    /** Counts one connection closed because a request's head or body did not arrive in time. */
    void timedOut() {
        timedOutRequests.increment();
    }

    /**
     * Counts one TLS handshake completed, resumed (a session ticket was accepted) or full, and the group of its key
     * exchange ({@code null} when unknown). The groups are the few the server's TLS supports, so they stay few.
     */
    void handshakeCompleted(boolean resumed, String keyExchange) {
        (resumed ? resumedHandshakes : fullHandshakes).increment();
        if (keyExchange != null) {
            LongAdder count = keyExchanges.get(keyExchange);
            if (count == null) {
                LongAdder made = new LongAdder();
                count = keyExchanges.putIfAbsent(keyExchange, made);
                if (count == null) {
                    count = made;
                    newKeyExchange.accept(keyExchange);
                }
            }
            count.increment();
        }
    }

    /** Handshakes since the listener started whose key exchange used {@code group} (BoringSSL's name, e.g. X25519). */
    public long keyExchanges(String group) {
        LongAdder count = keyExchanges.get(group);
        return count == null ? 0 : count.sum();
    }

    /** The key-exchange groups seen so far. */
    public Set<String> keyExchangeGroups() {
        return Set.copyOf(keyExchanges.keySet());
    }

    /** Tells {@code listener} of each key-exchange group the first time a handshake uses it (after this call). */
    public void onNewKeyExchange(Consumer<String> listener) {
        newKeyExchange = listener;
    }

    /** TLS handshakes completed in full since the listener started (counted on BoringSSL only). */
    public long fullHandshakes() {
        return fullHandshakes.sum();
    }

    /** TLS handshakes that resumed a session since the listener started (counted on BoringSSL only). */
    public long resumedHandshakes() {
        return resumedHandshakes.sum();
    }

    /** The counts now. */
    public TrafficCounters snapshot() {
        return new TrafficCounters(registrations.sum(), verifications.sum(), reports.sum(), packageDownloads.sum(),
                busyRefusals.sum(), problemAnswers.sum(), rateLimited.sum(), refusedConnections.sum(), timedOutRequests.sum());
    }
}
