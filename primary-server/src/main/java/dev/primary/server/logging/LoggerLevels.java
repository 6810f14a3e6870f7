package dev.primary.server.logging;

import ch.qos.logback.classic.Level;
import dev.primary.protocol.admin.LogLevel;
import dev.primary.server.PrimaryServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Which loggers of the server log at which Logback level for each {@link LogLevel} (the table in
 * docs/configuration.md, "Log levels"). Every level names the same loggers, so switching from any level to any
 * other leaves nothing of the previous one behind.
 */
public final class LoggerLevels {
    /** Primary's own code. */
    static final String PRIMARY = "dev.primary";
    /** The lines an operator must see even at {@code low}: the start report, stopping, stopped. */
    static final String LIFECYCLE = PrimaryServer.class.getName();
    /** The line that says the log level changed, kept at {@code low} so the change itself is never silent. */
    static final String LOG_LEVEL_CHANGES = LoggerLevels.class.getPackageName();
    static final String NETTY = "io.netty";
    static final String FLYWAY = "org.flywaydb";

    private LoggerLevels() {}

    /** Logger name to level, the root logger ({@link Logger#ROOT_LOGGER_NAME}) first. */
    public static Map<String, Level> of(LogLevel level) {
        Map<String, Level> levels = new LinkedHashMap<>();
        switch (level) {
            case LOW -> {
                levels.put(Logger.ROOT_LOGGER_NAME, Level.WARN);
                levels.put(PRIMARY, Level.WARN);
                levels.put(LIFECYCLE, Level.INFO);
                levels.put(LOG_LEVEL_CHANGES, Level.INFO);
                levels.put(NETTY, Level.WARN);
                levels.put(FLYWAY, Level.WARN);
            }
            case NORMAL -> {
                levels.put(Logger.ROOT_LOGGER_NAME, Level.INFO);
                levels.put(PRIMARY, Level.INFO);
                levels.put(LIFECYCLE, Level.INFO);
                levels.put(LOG_LEVEL_CHANGES, Level.INFO);
                levels.put(NETTY, Level.WARN);
                levels.put(FLYWAY, Level.WARN);
            }
            case DEBUG -> {
                levels.put(Logger.ROOT_LOGGER_NAME, Level.INFO);
                levels.put(PRIMARY, Level.DEBUG);
                levels.put(LIFECYCLE, Level.DEBUG);
                levels.put(LOG_LEVEL_CHANGES, Level.DEBUG);
                levels.put(NETTY, Level.INFO);
                levels.put(FLYWAY, Level.INFO);
            }
        }
        return levels;
    }
}
