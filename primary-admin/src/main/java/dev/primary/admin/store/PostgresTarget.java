package dev.primary.admin.store;

import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.jdbc.copy.StoreCopyException;
import dev.primary.server.store.jdbc.copy.StoreCopyException.Reason;
import dev.primary.server.store.postgres.PostgresSettings;
import dev.primary.server.store.postgres.PostgresStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * A PostgreSQL database named on the command line: reached with one plain connection, its schema brought to this
 * version by the store itself ({@link PostgresStore#open}, Flyway) before anything is copied into it.
 */
final class PostgresTarget {
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final PostgresSettings settings;

    PostgresTarget(String url, String user, String password) {
        try {
            this.settings = new PostgresSettings(url, user, password, 2, Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new dev.primary.admin.AdminUsageException(e.getMessage());
        }
    }

    String description() {
        return settings.description();
    }

    /** A connection (auto-commit off), or {@link Reason#TARGET_UNREACHABLE} saying why there is none. */
    Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        try {
            Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new StoreCopyException(Reason.TARGET_UNREACHABLE, "cannot reach " + description() + " as user "
                    + settings.user() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Creates or migrates the store's tables, as a server's first start on it would. */
    void prepareSchema() {
        try {
            PostgresStore.open(settings).close();
        } catch (StoreUnavailableException e) {
            throw new StoreCopyException(Reason.SCHEMA_MISMATCH, "cannot bring " + description()
                    + " to this version's schema: " + firstLine(e.getMessage()), e);
        }
    }

    /** Flyway's and the driver's messages may run over several lines; the operator gets the first. */
    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
