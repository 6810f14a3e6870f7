package dev.primary.bench.micro;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.server.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the computers table's indexes cost a registration on the embedded store, whose one writer bounds the
 * registration rate (docs/performance.md, "Registrations: bound by the store's one writer"). A new client's whole
 * registration through the licensing core and the real SQLite store, 16 callers (so the writer's groups fill), on a
 * table already holding {@link #FLEET} computers, with the schema as shipped and with parts of it removed after the
 * migrations:
 * <ul>
 *   <li>{@code shipped}: as the server runs it;
 *   <li>{@code no-search}: without the trigger that keeps Manage Computers' trigram search index (FTS5);
 *   <li>{@code no-console-indexes}: without the ten indexes only Manage Computers and the releases view read by
 *       (sorts, filters, counts per version); the licensing core's own (client, license, queue, the unique holder)
 *       stay, so its reads keep their plans;
 *   <li>{@code neither}: without both.
 * </ul>
 * An experiment, not an option: the server needs every one of them for its console at a million computers
 * ({@code ComputerQueryPlanTest}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
public class RegistrationWriteBenchmark {
    /** Computers in the table before the first registration: the size at which index pages stop being few. */
    static final int FLEET = 100_000;
    /**
     * Registrations prepared per trial: more than 16 callers complete in its 20 seconds on this machine (up to ~4,700 a
     * second without the console's indexes, since the writer keeps its savepoint journals in memory).
     */
    static final int PREPARED = 160_000;
    /** The indexes only Manage Computers, its counts and the releases view read by. */
    static final List<String> CONSOLE_INDEXES = List.of("computers_by_name", "computers_by_last_contact",
            "computers_by_state", "computers_by_state_name", "computers_by_state_contact",
            "computers_by_recorder_version", "computers_by_client_version", "computers_by_content_revision",
            "computers_by_token", "computers_by_source");

    /** A store on a table of {@link #FLEET} computers with the schema {@link #schema}, and prepared registrations. */
    @State(Scope.Benchmark)
    public static class Registrations {
        @Param({"shipped", "no-search", "no-console-indexes", "neither"})
        public String schema;

        LicensedStore store;
        PreparedRegistrations prepared;

        @Setup(Level.Trial)
        public void prepare() {
            store = LicensedStore.open(0, PREPARED + 1, true, false, false, this::prepareDatabase);
            prepared = new PreparedRegistrations(PREPARED, "");
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }

        /** Migrates the database, fills it with released computers, and removes what {@link #schema} says. */
        private void prepareDatabase(Path file) {
            SqliteStore.open(file).close();
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                // released computers (state 5): rows in every index, no seat, no client
                statement.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                        + FLEET + ") INSERT INTO computers (holder_key, name_key, computer_name, domain, user_name,"
                        + " client_id, os, client_version, recorder_version, client_state, state, state_reason,"
                        + " state_since, verify_interval, first_seen, last_contact) SELECT"
                        + " printf('fleet\\pc-%07d\\user%d', (i * 7919) % " + FLEET + ", i % 97),"
                        + " printf('pc-%07d', (i * 7919) % " + FLEET + "), printf('PC-%07d', (i * 7919) % " + FLEET
                        + "), 'FLEET', printf('user%d', i % 97), NULL, 'Windows', '1.0.0', '1.0.0', 'running', 5,"
                        + " 'released', 0, 14400, 0, i FROM n");
                boolean dropSearch = switch (schema) {
                    case "shipped", "no-console-indexes" -> false;
                    case "no-search", "neither" -> true;
                    default -> throw new IllegalArgumentException("no schema " + schema);
                };
                boolean dropConsoleIndexes = schema.equals("no-console-indexes") || schema.equals("neither");
                if (dropSearch) {
                    statement.executeUpdate("DROP TRIGGER computer_search_on_insert");
                }
                if (dropConsoleIndexes) {
                    for (String index : CONSOLE_INDEXES) {
                        statement.executeUpdate("DROP INDEX " + index);
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the database for " + schema + ": " + e.getMessage(), e);
            }
        }
    }

    @Benchmark
    public CheckInAnswer register(Registrations registrations) {
        return registrations.prepared.registerNext(registrations.store.licensing());
    }
}
