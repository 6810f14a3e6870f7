package dev.primary.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

/**
 * For contrast with {@link StoreWriteBenchmark}: one row per commit on a plain SQLite connection set up like the
 * store's writer (WAL, {@code synchronous=FULL}): the rate of one fsync per durable write on this disk.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchLogging.QUIET)
@State(Scope.Thread)
public class SqliteCommitBenchmark {
    private Path directory;
    private Connection connection;
    private PreparedStatement insert;
    private long sequence;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        directory = Files.createTempDirectory("primary-bench-sqlite");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        connection = config.createConnection("jdbc:sqlite:" + directory.resolve("rows.db"));
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE check_ins (id INTEGER PRIMARY KEY, client_id TEXT NOT NULL,"
                    + " sequence INTEGER NOT NULL)");
        }
        connection.commit();
        insert = connection.prepareStatement("INSERT INTO check_ins (client_id, sequence) VALUES (?, ?)");
    }

    @Benchmark
    @Threads(1)
    public int singleRowCommit() throws SQLException {
        insert.setString(1, "rM2lpL3WbqRyGYnBUE4eVg");
        insert.setLong(2, ++sequence);
        int rows = insert.executeUpdate();
        connection.commit();
        return rows;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException, IOException {
        insert.close();
        connection.close();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
