package dev.primary.server.store.postgres;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Package bytes in the database, for servers that share it: each package in chunks of {@link #CHUNK_BYTES}, written
 * in one transaction with the package's own row last, so a package is there whole or not at all, and read back chunk
 * by chunk through a cursor, never whole in memory. Addressed by SHA-256 like the file store; the reader verifies the
 * digest (the database is not trusted to return what was stored). No write lock: packages are immutable, and two
 * servers storing the same package at once write the same rows ({@code ON CONFLICT DO NOTHING}).
 */
public final class PostgresPackageBlobs {
    /** The size of one stored chunk: large enough for few rows, small enough to stay far below bytea's limits. */
    public static final int CHUNK_BYTES = 1024 * 1024;
    private static final int CHUNKS_PER_FETCH = 4;

    private final Supplier<Connection> connections;

    PostgresPackageBlobs(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /**
     * The packages of the database {@code connections} reach, for tools that open it without a store (a backup):
     * each connection must have auto-commit off, and is closed after use.
     */
    public static PostgresPackageBlobs over(Supplier<Connection> connections) {
        return new PostgresPackageBlobs(connections);
    }

    /** The SHA-256 of every package the database holds whole, in order. */
    public List<String> stored() {
        try (Connection connection = connections.get();
                PreparedStatement select = connection.prepareStatement("SELECT sha256 FROM fleet_packages ORDER BY sha256");
                ResultSet rows = select.executeQuery()) {
            List<String> stored = new ArrayList<>();
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
            connection.commit();
            return stored;
        } catch (SQLException e) {
            throw PostgresFailures.classify("listing the packages in the database", e);
        }
    }

    /** The size of the stored package, if the database holds it whole. */
    public OptionalLong size(String sha256) {
        try (Connection connection = connections.get();
                PreparedStatement select = connection.prepareStatement("SELECT size FROM fleet_packages WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                OptionalLong size = row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
                connection.commit();
                return size;
            }
        } catch (SQLException e) {
            throw PostgresFailures.classify("looking up package " + sha256, e);
        }
    }

    /** Stores the {@code size} bytes of {@code source} (read from position 0) as package {@code sha256}, unless held. */
    public void save(String sha256, long size, FileChannel source, Instant now) {
        try (Connection connection = connections.get()) {
            try {
                int chunks = insertChunks(connection, sha256, size, source);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fleet_packages (sha256, size, "
                        + "chunks, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                    insert.setString(1, sha256);
                    insert.setLong(2, size);
                    insert.setInt(3, chunks);
                    insert.setLong(4, now.toEpochMilli());
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw PostgresFailures.classify("storing package " + sha256 + " in the database", e);
        } catch (IOException e) {
            throw new dev.primary.server.store.StoreUnavailableException("cannot read package " + sha256
                    + " to store it in the database: " + e.getMessage(), e);
        }
    }

    /** Hands the stored chunks of {@code sha256}, in order, to {@code sink}; false if the database does not hold it. */
    public boolean copyTo(String sha256, Consumer<ByteBuffer> sink) {
        try (Connection connection = connections.get()) {
            try {
                if (size(connection, sha256).isEmpty()) {
                    connection.commit();
                    return false;
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT bytes FROM fleet_package_chunks WHERE sha256 = ? ORDER BY chunk")) {
                    select.setFetchSize(CHUNKS_PER_FETCH);
                    select.setString(1, sha256);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sink.accept(ByteBuffer.wrap(rows.getBytes(1)));
                        }
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw PostgresFailures.classify("reading package " + sha256 + " from the database", e);
        }
    }

    private static OptionalLong size(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT size FROM fleet_packages WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static int insertChunks(Connection connection, String sha256, long size, FileChannel source)
            throws SQLException, IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES);
        int chunk = 0;
        long position = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fleet_package_chunks (sha256, chunk, "
                + "bytes) VALUES (?, ?, ?) ON CONFLICT (sha256, chunk) DO NOTHING")) {
            while (position < size || chunk == 0) {
                buffer.clear();
                buffer.limit((int) Math.min(CHUNK_BYTES, size - position));
                while (buffer.hasRemaining()) {
                    int read = source.read(buffer, position + buffer.position());
                    if (read < 0) {
                        throw new IOException("the package file ended after " + (position + buffer.position())
                                + " of " + size + " bytes");
                    }
                }
                byte[] bytes = new byte[buffer.position()];
                buffer.flip().get(bytes);
                insert.setString(1, sha256);
                insert.setInt(2, chunk);
                insert.setBytes(3, bytes);
                insert.executeUpdate();
                position += bytes.length;
                chunk++;
            }
        }
        return chunk;
    }
}
