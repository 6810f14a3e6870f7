package dev.primary.protocol.admin;

/**
 * The body of {@code POST /admin/v1/log-level}: the level the running server is to log at from now on.
 *
 * @param level {@code low}, {@code normal} or {@code debug}
 */
public record LogLevelChange(String level) {
    public LogLevelChange {
        level = LogLevel.fromWire(level).wireName();
    }

    public LogLevelChange(LogLevel level) {
        this(level.wireName());
    }

    public LogLevel logLevel() {
        return LogLevel.fromWire(level);
    }
}
