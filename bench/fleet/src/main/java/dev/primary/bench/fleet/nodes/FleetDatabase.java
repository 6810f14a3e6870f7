package dev.primary.bench.fleet.nodes;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * One real PostgreSQL for a whole run (embedded: its own binaries, data directory and port), with a fresh database
 * for each configuration. Commits are durable ({@code synchronous_commit=on}), as a production server's are.
 */
final class FleetDatabase implements AutoCloseable {
    static final String USER = "primary_server";
    static final String PASSWORD = "bench-only-password";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private int databases;

    private FleetDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL with its data in {@code dataDirectory} (emptied first) and creates the servers' user. */
    static FleetDatabase start(Path dataDirectory, int maxConnections) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true).setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", Integer.toString(maxConnections)).start();
            FleetDatabase database = new FleetDatabase(postgres, dataDirectory);
            database.execute("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Creates a new, empty database owned by the servers' user; answers its JDBC URL (no user in it). */
    String freshDatabase() {
        String name = "primary_nodes_" + (++databases);
        execute("CREATE DATABASE " + name + " OWNER " + USER);
        return postgres.getJdbcUrl(USER, name).replaceAll("[?&]user=[^&]*", "");
    }

    /** The postmaster's process id (its backends are its children), from {@code postmaster.pid}. */
    OptionalLong postmasterPid() {
        try {
            String first = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip();
            return OptionalLong.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private void execute(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
