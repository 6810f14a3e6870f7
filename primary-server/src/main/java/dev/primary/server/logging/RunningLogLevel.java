package dev.primary.server.logging;

import ch.qos.logback.classic.LoggerContext;
import dev.primary.protocol.admin.LogLevel;
import dev.primary.protocol.admin.LogLevelView;
import java.util.Objects;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log level of this process: what the configuration says and what it logs at now. A change applies to Logback
 * at once and lasts until the process ends; the configuration's {@code log-level} is the lasting setting.
 * <p>
 * The {@code primary-server} program applies the configured level at start ({@link #applyAtStart}); a program that
 * embeds the server (a test) keeps its own Logback configuration until an administrator changes the level.
 */
public final class RunningLogLevel {
    private static final Logger LOG = LoggerFactory.getLogger(RunningLogLevel.class);

    private final LogLevel configured;
    private LogLevel current;

    public RunningLogLevel(LogLevel configured) {
        this.configured = Objects.requireNonNull(configured, "configured");
        this.current = configured;
    }

    /** Sets this process's loggers to {@code level}: what the server program does before it starts. */
    public static void applyAtStart(LogLevel level) {
        apply(level);
    }

    public synchronized LogLevelView view() {
        return new LogLevelView(current, configured);
    }

    /**
     * Changes the level to {@code wanted}: first {@code record} is told the change (it writes the audit entry; if it
     * fails, nothing changes), then Logback's loggers are set. Asking for the current level changes nothing and
     * records nothing.
     *
     * @return the level before
     */
    public synchronized LogLevel change(LogLevel wanted, ChangeRecord record) {
        LogLevel before = current;
        if (wanted == before) {
            return before;
        }
        record.write(before, wanted, configured);
        apply(wanted);
        current = wanted;
        LOG.info("log level - {} -> {}, until the server restarts (log-level in the configuration: {})",
                before.wireName(), wanted.wireName(), configured.wireName());
        return before;
    }

    private static void apply(LogLevel level) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("log levels need Logback as the SLF4J binding, found "
                    + factory.getClass().getName());
        }
        LoggerLevels.of(level).forEach((name, logbackLevel) -> context.getLogger(name).setLevel(logbackLevel));
    }

    /** Writes a change of the level where it must be kept (the audit trail) before it takes effect. */
    @FunctionalInterface
    public interface ChangeRecord {
        void write(LogLevel before, LogLevel after, LogLevel configured);
    }
}
