package dev.primary.server.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server, started once per test JVM by the tests themselves (its binaries come from Maven
 * Central with the build), and stopped when the JVM exits. Each test asks for a database of its own.
 */
final class EmbeddedPostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {}

    /** A new, empty database on the shared server, as store settings (user {@code postgres}, no password). */
    static synchronized PostgresSettings freshDatabase() {
        String name = "primary_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return PostgresSettings.of(server().getJdbcUrl("postgres", name), "postgres", "");
    }

    /** The server's own value of {@code setting}, as a new session without the store's settings sees it. */
    static synchronized String serverDefault(String setting) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + setting + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                // The library's default is synchronous_commit=off; the store sets it on for its own sessions.
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
