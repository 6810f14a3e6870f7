package dev.primary.server.http;

import dev.primary.protocol.json.Json;
import dev.primary.server.fleet.FleetChange;
import dev.primary.server.fleet.FleetChanges;
import dev.primary.server.licensing.Administration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /admin/v1/events}: the fleet's changes as server-sent events (docs/admin-api.md, "Live fleet events").
 * Each change is rendered once, on the feed's thread, and queued on every open stream; no stream holds a worker
 * thread. The feed is subscribed to only while a stream is open.
 *
 * <p>Events: {@code computer} (the computer's row as {@code GET /admin/v1/computers/{computer}} answers it),
 * {@code summary} (as {@code GET /admin/v1/summary}), {@code resync} (data {@code {}}: read again what is shown),
 * and a {@code : heartbeat} comment every {@link Limits#heartbeat()}.
 *
 * <p>A stream is opened for a credential (an API token, a console session) and lasts only as long as it: before a
 * change is sent on it, its credential is checked again when the last check is {@link #CREDENTIAL_RECHECK} old or
 * more, and a stream whose token was revoked, whose session was logged out or whose account was disabled is ended
 * instead. So no change reaches it later than that after its credential ended; a stream that is sent nothing more
 * (a quiet fleet) gets its heartbeats until the next change ends it.
 */
public final class FleetEventStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetEventStreams.class);
    static final String RESYNC = "event: resync\ndata: {}\n\n";
    static final String HEARTBEAT = ": heartbeat\n\n";
    static final long RETRY_AFTER_SECONDS = 30;
    /** How old a stream's last check of its credential may be when a change is sent on it. */
    static final Duration CREDENTIAL_RECHECK = Duration.ofSeconds(1);

    /**
     * @param maxStreams the most streams open at once (default 64: a console tab holds one; each costs a connection
     *     and a render per change is queued on each, so the cap bounds what one change costs the server)
     * @param maxUnwrittenBytes the most a stream may have queued and unwritten (default 1 MiB, a few thousand rows);
     *     beyond it a slow reader gets nothing more until it has caught up, then a resync; still beyond it at the next
     *     heartbeat, its stream is closed (the browser reconnects)
     * @param heartbeat how often an idle stream gets a comment (default 15 s, below the usual 30 to 60 s idle cut-off
     *     of proxies and load balancers), which also finds connections that are gone
     */
    public record Limits(int maxStreams, long maxUnwrittenBytes, Duration heartbeat) {
        public static final Limits DEFAULT = new Limits(64, 1024 * 1024, Duration.ofSeconds(15));

        public Limits {
            Objects.requireNonNull(heartbeat, "heartbeat");
            if (maxStreams < 1 || maxUnwrittenBytes < 1 || heartbeat.toMillis() < 1) {
                throw new IllegalArgumentException("event stream limits must be positive");
            }
        }
    }

    private final FleetChanges changes;
    private final Administration admin;
    private final Limits limits;
    private final Set<OpenStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private FleetChanges.Subscription subscription;
    private final LongSupplier nanoTime;
    private volatile boolean closed;

    public FleetEventStreams(FleetChanges changes, Administration admin, Limits limits) {
        this(changes, admin, limits, System::nanoTime);
    }

    /** @param nanoTime the monotonic clock of {@link #CREDENTIAL_RECHECK} (a fake one in tests) */
    FleetEventStreams(FleetChanges changes, Administration admin, Limits limits, LongSupplier nanoTime) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * The route's handler: a stream for a caller already authenticated, or 503 when {@link Limits#maxStreams()} are
     * open.
     *
     * @param credentialHolds whether the credential the stream was opened with still proves its caller (read again
     *     on the feed's thread, see {@link #CREDENTIAL_RECHECK})
     */
    Reply open(BooleanSupplier credentialHolds) {
        Objects.requireNonNull(credentialHolds, "credentialHolds");
        if (closed || reserved.incrementAndGet() > limits.maxStreams()) {
            reserved.decrementAndGet();
            throw new EventStreamsFullException(limits.maxStreams(), RETRY_AFTER_SECONDS);
        }
        return new EventStreamReply(Map.of("X-Accel-Buffering", "no"),
                stream -> attach(stream, credentialHolds), this::released);
    }

    /** How many streams are open or being opened now. */
    public int openStreams() {
        return reserved.get();
    }

    private void attach(EventStream stream, BooleanSupplier credentialHolds) {
        OpenStream entry = new OpenStream(stream, credentialHolds, nanoTime.getAsLong());
        open.add(entry);
        stream.whenClosed(() -> {
            if (open.remove(entry)) {
                released();
            }
        });
        subscribeWhileOpen();
        stream.send(": fleet events\nretry: 5000\n\n");
        stream.every(limits.heartbeat(), entry::heartbeat);
        if (closed) {
            stream.end();
        }
    }

    private void released() {
        reserved.decrementAndGet();
        synchronized (this) {
            if (open.isEmpty() && subscription != null) {
                subscription.close();
                subscription = null;
            }
        }
    }

    private synchronized void subscribeWhileOpen() {
        if (subscription == null && !open.isEmpty()) {
            subscription = changes.subscribe(this::changed);
        }
    }

    /** On the feed's thread: renders the change once and queues it on every open stream. */
    private void changed(FleetChange change) {
        if (open.isEmpty()) {
            return;
        }
        String event = render(change);
        long now = nanoTime.getAsLong();
        for (OpenStream stream : open) {
            if (stream.credentialHolds(now)) {
                stream.offer(event);
            }
        }
    }

    private String render(FleetChange change) {
        try {
            return switch (change.kind()) {
                case COMPUTER -> event("computer", Json.write(admin.computer(change.computer())));
                case LICENSES -> event("summary", Json.write(admin.summary()));
                case RESYNC -> RESYNC;
            };
        } catch (RuntimeException e) {
            // gone, renamed or ambiguous since it changed: the page reads its rows again
            LOG.debug("fleet events - {} not rendered: {}", change, e.toString());
            return RESYNC;
        }
    }

    static String event(String type, byte[] json) {
        String data = new String(json, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\ndata: ");
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    /** Ends every stream (the last chunk, then the connection closes); new streams are refused from now on. */
    @Override
    public void close() {
        closed = true;
        for (OpenStream stream : open) {
            stream.stream.end();
        }
    }

    /** One open stream, whether it fell behind, and when its credential was last found to hold. */
    private final class OpenStream {
        private final EventStream stream;
        private final BooleanSupplier credential;
        private volatile boolean behind;
        private long checkedAt;
        private boolean ended;

        OpenStream(EventStream stream, BooleanSupplier credential, long openedAt) {
            this.stream = stream;
            this.credential = credential;
            this.checkedAt = openedAt;
        }

        /** On the feed's thread: whether a change may still be sent; ends the stream when its credential ended. */
        boolean credentialHolds(long now) {
            if (ended) {
                return false;
            }
            if (now - checkedAt < CREDENTIAL_RECHECK.toNanos()) {
                return true;
            }
            boolean holds;
            try {
                holds = credential.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.debug("fleet events - a stream's credential could not be read again: {}", e.toString());
                return false; // not known to hold: nothing sent now, read again at the next change
            }
            if (!holds) {
                ended = true;
                LOG.info("fleet events - ending a stream whose token, session or account no longer works");
                stream.end();
                return false;
            }
            checkedAt = now;
            return true;
        }

        void offer(String event) {
            if (stream.unwritten() > limits.maxUnwrittenBytes()) {
                behind = true;
                return;
            }
            if (behind) {
                behind = false;
                stream.send(RESYNC);
                if (event.equals(RESYNC)) {
                    return;
                }
            }
            stream.send(event);
        }

        void heartbeat() {
            if (stream.unwritten() > limits.maxUnwrittenBytes()) {
                LOG.info("fleet events - closing a stream that has not taken {} bytes in {} s",
                        stream.unwritten(), limits.heartbeat().toSeconds());
                stream.close();
                return;
            }
            offer(HEARTBEAT);
        }
    }
}
