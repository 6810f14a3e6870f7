package dev.primary.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs requests refused because the storage is full once per burst, not once each: the first at ERROR with its
 * cause; while the disk stays full at most one WARN line a {@link #QUIET minute} with the count since; and when no
 * refusal came for a minute, one INFO line that closes the burst with its total. A full disk fails every write
 * alike, so a line per request (with a stack trace) would only bury the one line that matters, and fill what is
 * left of the disk.
 */
final class StorageFullLog {
    /** What a refused client is told to wait ({@code Retry-After}), in seconds. */
    static final long RETRY_AFTER_SECONDS = 60;
    /** At most one line per this period while a burst lasts; a burst ends after this long without a refusal. */
    static final Duration QUIET = Duration.ofMinutes(1);

    private final Logger log;
    private final Clock clock;
    private final Executor afterQuiet;
    private Instant burstStart;
    private Instant lastLine;
    private Instant lastRefusal;
    private long total;
    private long sinceLastLine;

    /**
     * @param afterQuiet runs a task {@link #QUIET} later, to close a burst when no further refusal comes
     */
    StorageFullLog(Logger log, Clock clock, Executor afterQuiet) {
        this.log = log;
        this.clock = clock;
        this.afterQuiet = afterQuiet;
    }

    static StorageFullLog systemDefault() {
        return new StorageFullLog(LoggerFactory.getLogger(StorageFullLog.class), Clock.systemUTC(),
                CompletableFuture.delayedExecutor(QUIET.toMillis() + 1, TimeUnit.MILLISECONDS));
    }

    /** One request refused because the storage is full. */
    void record(Throwable failure, String method, String path) {
        boolean started;
        synchronized (this) {
            Instant now = clock.instant();
            closeIfQuiet(now);
            started = burstStart == null;
            if (started) {
                burstStart = now;
                lastLine = now;
                lastRefusal = now;
                total = 1;
                sinceLastLine = 0;
                log.error("storage full - {} {} refused with 503 storage-full: {}; every write is refused"
                        + " (Retry-After {} s) until space is freed; further refusals are counted here, at most one"
                        + " line a minute", method, path, failure.getMessage(), RETRY_AFTER_SECONDS);
            } else {
                lastRefusal = now;
                total++;
                sinceLastLine++;
                if (!now.isBefore(lastLine.plus(QUIET))) {
                    log.warn("storage full - still full: {} more requests refused since {} ({} since {})",
                            sinceLastLine, lastLine, total, burstStart);
                    lastLine = now;
                    sinceLastLine = 0;
                }
            }
        }
        if (started) {
            afterQuiet.execute(this::closeIfQuiet);
        }
    }

    /** Closes the burst with its summary when no refusal came for {@link #QUIET}; else checks again later. */
    void closeIfQuiet() {
        boolean open;
        synchronized (this) {
            closeIfQuiet(clock.instant());
            open = burstStart != null;
        }
        if (open) {
            afterQuiet.execute(this::closeIfQuiet);
        }
    }

    private void closeIfQuiet(Instant now) {
        if (burstStart != null && !now.isBefore(lastRefusal.plus(QUIET))) {
            log.info("storage full - no refusal for {} s: {} requests were refused from {} to {}", QUIET.toSeconds(),
                    total, burstStart, lastRefusal);
            burstStart = null;
        }
    }
}
