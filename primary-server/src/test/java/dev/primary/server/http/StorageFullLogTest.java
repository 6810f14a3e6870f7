package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.primary.server.LogCapture;
import dev.primary.server.store.StoreFullException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StorageFullLogTest {
    private final MovableClock clock = new MovableClock();
    private final List<Runnable> later = new ArrayList<>();
    private final LogCapture log = new LogCapture();
    private final StorageFullLog storageFull = new StorageFullLog(loggerAtInfo(), clock, later::add);
    private final StoreFullException full = new StoreFullException("the store's disk is full ([SQLITE_FULL])", null);

    private static org.slf4j.Logger loggerAtInfo() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("test.storage-full");
        logger.setLevel(Level.INFO);
        return logger;
    }

    @AfterEach
    void close() {
        log.close();
    }

    private List<ILoggingEvent> lines() {
        return log.events().stream().filter(event -> event.getLoggerName().equals("test.storage-full")).toList();
    }

    /** Runs what was scheduled for a minute later, as the delayed executor would. */
    private void runLater() {
        List<Runnable> due = List.copyOf(later);
        later.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void a_burst_of_refusals_logs_one_error_with_the_cause() {
        for (int i = 0; i < 3000; i++) {
            storageFull.record(full, "POST", "/v1/register");
            clock.advance(Duration.ofMillis(10));
        }

        List<ILoggingEvent> lines = lines();
        assertThat(lines.get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(lines.get(0).getFormattedMessage()).contains("SQLITE_FULL").contains("POST /v1/register")
                .contains("Retry-After 60 s");
        assertThat(lines.get(0).getThrowableProxy()).isNull();
        assertThat(lines).hasSize(1);
    }

    @Test
    void while_the_disk_stays_full_a_count_is_logged_at_most_once_a_minute() {
        for (int second = 0; second < 150; second++) {
            storageFull.record(full, "POST", "/v1/verify");
            clock.advance(Duration.ofSeconds(1));
        }

        List<ILoggingEvent> lines = lines();
        assertThat(lines).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.WARN, Level.WARN);
        assertThat(lines.get(1).getFormattedMessage()).contains("60 more requests refused");
    }

    @Test
    void a_minute_without_refusals_closes_the_burst_with_its_total_and_the_next_refusal_opens_a_new_one() {
        for (int i = 0; i < 5; i++) {
            storageFull.record(full, "POST", "/v1/verify");
        }
        clock.advance(Duration.ofSeconds(30));
        runLater();
        assertThat(lines()).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        runLater();
        storageFull.record(full, "POST", "/v1/verify");

        List<ILoggingEvent> lines = lines();
        assertThat(lines).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.INFO, Level.ERROR);
        assertThat(lines.get(1).getFormattedMessage()).contains("5 requests were refused");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
