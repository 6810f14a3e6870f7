package dev.primary.protocol.admin;

import java.util.Objects;

/**
 * The running server's log level ({@code GET} and {@code POST /admin/v1/log-level}).
 *
 * @param level what the server logs at now
 * @param configured what its configuration says ({@code log-level}): the level it starts with again after a restart
 */
public record LogLevelView(LogLevel level, LogLevel configured) {
    public LogLevelView {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(configured, "configured");
    }
}
