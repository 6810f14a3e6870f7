package dev.primary.server.store.sqlite;

import dev.primary.server.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;

/**
 * What a store file holds, found without changing it: nothing, zero bytes, a Primary store (an SQLite
 * database with the migrations' schema history), or something else. A server that has clients must not
 * mistake the first two for "start afresh", nor migrate the last.
 */
public enum StoreFileState {
    /** No file. */
    ABSENT,
    /** A file of 0 bytes: what a failed copy or restore leaves. */
    EMPTY,
    /** An SQLite database with Primary's schema history. */
    PRIMARY_STORE,
    /** A file that is not an SQLite database, or an SQLite database without Primary's schema history. */
    NOT_A_PRIMARY_STORE;

    /** The table the migrations keep; every Primary store has it from its first start. */
    static final String SCHEMA_HISTORY_TABLE = "flyway_schema_history";
    private static final int SQLITE_NOTADB = 26;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Looks at {@code file}: only reads it (an SQLite read may add its {@code -wal}/{@code -shm} files). */
    public static StoreFileState of(Path file) {
        try {
            if (!Files.exists(file)) {
                return ABSENT;
            }
            if (Files.size(file) == 0) {
                return EMPTY;
            }
            return hasSqliteHeader(file) && hasSchemaHistory(file) ? PRIMARY_STORE : NOT_A_PRIMARY_STORE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        }
    }

    /** A plain connection (no pragma that writes, such as the journal mode) that only reads the schema. */
    private static boolean hasSchemaHistory(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name = '" + SCHEMA_HISTORY_TABLE + "'")) {
            return tables.next() && tables.getInt(1) == 1;
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLITE_NOTADB) {
                return false;
            }
            throw new StoreUnavailableException("cannot read the store file " + file + ": " + e.getMessage(), e);
        }
    }
}
