package dev.primary.server;

import dev.primary.server.http.TlsContexts;
import dev.primary.server.identity.FleetTicketSecret;
import dev.primary.server.identity.SessionTicketKeys;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the client port's TLS its session ticket keys and keeps them current. A single server ({@link #fromFile})
 * keeps random keys in the data directory and checks every hour whether the newest is a day old; then a new one
 * issues tickets and the oldest is dropped. A server of a fleet ({@link #derived}) derives the keys of each day from
 * the fleet's shared secret and checks every minute whether the day changed, so every server switches within a
 * minute of the others, with no coordination. Nothing to do where the JDK's TLS serves (it keeps its own keys).
 */
final class TicketKeyRotation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TicketKeyRotation.class);
    private static final long FILE_CHECK_MINUTES = 60;
    private static final long DERIVED_CHECK_MINUTES = 1;

    private final ScheduledExecutorService executor;
    private final BiFunction<SessionTicketKeys, Instant, SessionTicketKeys> next;
    private volatile SessionTicketKeys keys;

    private TicketKeyRotation(SslContext context, SessionTicketKeys first,
            BiFunction<SessionTicketKeys, Instant, SessionTicketKeys> next, Clock clock, long checkMinutes) {
        this.keys = first;
        this.next = next;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "primary-ticket-keys");
            thread.setDaemon(true);
            return thread;
        });
        if (TlsContexts.useTicketKeys(context, keys)) {
            executor.scheduleWithFixedDelay(() -> rotate(context, clock), checkMinutes, checkMinutes, TimeUnit.MINUTES);
        }
    }

    /** Random keys kept in {@code file}: one server alone. */
    static TicketKeyRotation fromFile(SslContext context, Path file, Clock clock) {
        return new TicketKeyRotation(context, SessionTicketKeys.openOrCreate(file, clock.instant()),
                SessionTicketKeys::rotatedIfDue, clock, FILE_CHECK_MINUTES);
    }

    /** Keys derived from the fleet's {@code secret}: the same on every server of the fleet. */
    static TicketKeyRotation derived(SslContext context, FleetTicketSecret secret, Clock clock) {
        return new TicketKeyRotation(context, secret.keysAt(clock.instant()), (current, now) -> {
            SessionTicketKeys due = secret.keysAt(now);
            return due.keys().get(0).created().equals(current.keys().get(0).created()) ? current : due;
        }, clock, DERIVED_CHECK_MINUTES);
    }

    private void rotate(SslContext context, Clock clock) {
        try {
            SessionTicketKeys rotated = next.apply(keys, clock.instant());
            if (rotated != keys) {
                keys = rotated;
                TlsContexts.useTicketKeys(context, rotated);
                LOG.info("TLS session ticket key rotated; {} keys in use", rotated.keys().size());
            }
        } catch (RuntimeException e) {
            LOG.warn("TLS session ticket key rotation failed, the current keys stay in use: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
