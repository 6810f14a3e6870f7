package dev.primary.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what the server logs during a test (every logger, at the levels the test configuration lets through). */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;

    public LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    public synchronized List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    public List<ILoggingEvent> events(Level level) {
        return events().stream().filter(event -> event.getLevel().equals(level)).toList();
    }

    /** How many lines the log file would get: one per event, plus its stack trace's lines. */
    public long renderedLines() {
        return events().stream().mapToLong(event -> 1 + (event.getThrowableProxy() == null ? 0
                : ThrowableProxyUtil.asString(event.getThrowableProxy()).lines().count())).sum();
    }

    public void clear() {
        synchronized (appender.list) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
