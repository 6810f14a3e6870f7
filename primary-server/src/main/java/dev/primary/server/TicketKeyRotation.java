package dev.primary.server;

import dev.primary.server.http.TlsContexts;
import dev.primary.server.identity.SessionTicketKeys;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the client port's TLS the session ticket keys kept in the data directory, and checks every
 * hour whether the newest is a day old; then a new one issues tickets and the oldest is dropped.
 * Nothing to do where the JDK's TLS serves (it keeps its own keys).
 */
final class TicketKeyRotation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TicketKeyRotation.class);
    private static final long CHECK_EVERY_MINUTES = 60;

    private final ScheduledExecutorService executor;
    private volatile SessionTicketKeys keys;

    private TicketKeyRotation(SslContext context, Path file, Clock clock) {
        this.keys = SessionTicketKeys.openOrCreate(file, clock.instant());
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "primary-ticket-keys");
            thread.setDaemon(true);
            return thread;
        });
        if (TlsContexts.useTicketKeys(context, keys)) {
            executor.scheduleWithFixedDelay(() -> rotate(context, clock), CHECK_EVERY_MINUTES, CHECK_EVERY_MINUTES,
                    TimeUnit.MINUTES);
        }
    }

    static TicketKeyRotation start(SslContext context, Path file, Clock clock) {
        return new TicketKeyRotation(context, file, clock);
    }

    private void rotate(SslContext context, Clock clock) {
        try {
            SessionTicketKeys next = keys.rotatedIfDue(clock.instant());
            if (next != keys) {
                keys = next;
                TlsContexts.useTicketKeys(context, next);
                LOG.info("TLS session ticket key rotated; {} keys kept", next.keys().size());
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
