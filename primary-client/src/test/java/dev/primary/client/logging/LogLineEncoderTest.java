package dev.primary.client.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class LogLineEncoderTest {
    private static final Instant AT = Instant.parse("2026-11-28T03:40:57.616Z");
    private static final String TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault()).format(AT);
    private static final String NEWLINE = System.lineSeparator();

    private final Logger logger = new LoggerContext().getLogger("dev.primary.client.service.ClientService");

    @Test
    void a_console_line_is_time_padded_level_simple_logger_name_and_message() {
        String line = LogLineEncoder.withoutThread().line(event(Level.INFO, null));

        assertThat(line).isEqualTo(TIME + " INFO  ClientService - Licensed by 127.0.0.1:16770" + NEWLINE);
    }

    @Test
    void a_file_line_also_names_the_thread() {
        String line = LogLineEncoder.withThread().line(event(Level.WARN, null));

        assertThat(line).isEqualTo(TIME + " WARN  [client-service] ClientService - Licensed by 127.0.0.1:16770" + NEWLINE);
    }

    @Test
    void a_logged_exception_follows_with_its_stack_trace_and_cause() {
        IllegalStateException failure = new IllegalStateException("step failed", new IllegalArgumentException("cause"));

        String text = LogLineEncoder.withoutThread().line(event(Level.ERROR, failure));

        assertThat(text).startsWith(TIME + " ERROR ClientService - Licensed by 127.0.0.1:16770" + NEWLINE
                + "java.lang.IllegalStateException: step failed" + NEWLINE + "\tat ");
        assertThat(text).contains("Caused by: java.lang.IllegalArgumentException: cause").endsWith(NEWLINE);
    }

    private LoggingEvent event(Level level, Throwable thrown) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, "Licensed by {}", thrown,
                new Object[] {"127.0.0.1:16770"});
        event.setTimeStamp(AT.toEpochMilli());
        event.setThreadName("client-service");
        return event;
    }
}
