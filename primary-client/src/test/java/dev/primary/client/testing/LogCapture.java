package dev.primary.client.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the log events of the Client Service's loggers during a test (from INFO up, or every level). */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger;
    private final Level levelBefore;

    public LogCapture() {
        this(null);
    }

    private LogCapture(Level level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logger = context.getLogger("dev.primary.client");
        levelBefore = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
    }

    /** Captures every level down to TRACE while it is open. */
    public static LogCapture everything() {
        return new LogCapture(Level.TRACE);
    }

    public List<String> warnings() {
        return lines(Level.WARN);
    }

    public List<String> lines(Level level) {
        return appender.list.stream()
                .filter(event -> event.getLevel().equals(level))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    public List<String> all() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * The messages so far, read while the service may still be logging from its own threads ({@code ListAppender}
     * appends under its own lock, taken here too).
     */
    public List<String> snapshot() {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Every event as the log file would show it: the message and any exception's messages. */
    public List<String> allWithThrowables() {
        return appender.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(levelBefore);
    }
}
