package dev.primary.client.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The Client Service's log line, {@code <time> <LEVEL> [<thread>] <Logger> - <message>} and the stack trace of a
 * logged exception: what Logback's {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n}
 * writes, without its pattern machinery (some 150 classes, a quarter of them generated, that would stay loaded for
 * the agent's whole life).
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NOTHING = new byte[0];
    private static final int LEVEL_WIDTH = 5;

    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault());
    private final boolean withThread;

    private LogLineEncoder(boolean withThread) {
        this.withThread = withThread;
    }

    /** Lines without the thread name, for the console. */
    public static LogLineEncoder withoutThread() {
        return new LogLineEncoder(false);
    }

    /** Lines with the thread name, for the log file. */
    public static LogLineEncoder withThread() {
        return new LogLineEncoder(true);
    }

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return line(event).getBytes(Charset.defaultCharset());
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }

    /** The line (and stack trace) written for {@code event}, ending with the line separator. */
    String line(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        time.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int pad = level.length(); pad < LEVEL_WIDTH; pad++) {
            line.append(' ');
        }
        line.append(' ');
        if (withThread) {
            line.append('[').append(event.getThreadName()).append("] ");
        }
        String logger = event.getLoggerName();
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length())
                .append(" - ").append(event.getFormattedMessage()).append(System.lineSeparator());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }
}
