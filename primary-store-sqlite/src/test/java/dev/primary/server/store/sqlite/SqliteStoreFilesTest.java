package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's files on disk: owner-only whatever the directory, and what a file found in place holds. */
class SqliteStoreFilesTest {
    @TempDir
    Path temp;

    private Path directory;

    @BeforeEach
    void a_directory_as_open_as_an_operator_may_create_it() throws IOException {
        directory = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void the_database_its_wal_shm_and_lock_files_are_owner_only_in_a_world_readable_directory() throws IOException {
        Path file = directory.resolve("primary.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.write(writes -> {
                writes.audit(new AuditEvent(Instant.now(), "system", AuditAction.SEAT_RECLAIMED, "test", ""));
                return null;
            });

            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .contains("primary.db", "primary.db-wal", "primary.db-shm", "primary.db.lock");
            }
            try (Stream<Path> files = Files.list(directory)) {
                files.forEach(path -> assertThat(permissions(path)).as(path.toString()).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    void existing_store_files_open_to_others_are_made_owner_only() throws IOException {
        Path file = directory.resolve("primary.db");
        SqliteStore.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(directory.resolve("primary.db.lock"), PosixFilePermissions.fromString("rw-rw-rw-"));

        SqliteStore.open(file).close();

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(directory.resolve("primary.db.lock"))).isEqualTo("rw-------");
    }

    @Test
    void a_file_is_told_apart_as_absent_empty_a_primary_store_or_something_else() throws Exception {
        Path store = directory.resolve("primary.db");
        SqliteStore.open(store).close();
        Path empty = Files.createFile(directory.resolve("empty.db"));
        Path text = Files.writeString(directory.resolve("notes.db"), "not a database at all, just some text here");
        Path foreign = foreignDatabase(directory.resolve("other.db"));

        assertThat(StoreFileState.of(directory.resolve("absent.db"))).isEqualTo(StoreFileState.ABSENT);
        assertThat(StoreFileState.of(empty)).isEqualTo(StoreFileState.EMPTY);
        assertThat(StoreFileState.of(store)).isEqualTo(StoreFileState.PRIMARY_STORE);
        assertThat(StoreFileState.of(text)).isEqualTo(StoreFileState.NOT_A_PRIMARY_STORE);
        assertThat(StoreFileState.of(foreign)).isEqualTo(StoreFileState.NOT_A_PRIMARY_STORE);
    }

    @Test
    void a_database_that_is_not_a_primary_store_is_refused_and_left_unchanged() throws Exception {
        Path foreign = foreignDatabase(directory.resolve("primary.db"));
        byte[] before = Files.readAllBytes(foreign);

        assertThatThrownBy(() -> SqliteStore.open(foreign))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage(foreign.toRealPath() + " is not a Primary store (no flyway_schema_history table); "
                        + "it was left as it is");
        assertThat(Files.readAllBytes(foreign)).isEqualTo(before);
    }

    private static Path foreignDatabase(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE inventory (item TEXT)");
            statement.execute("INSERT INTO inventory VALUES ('chairs')");
        }
        return file;
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
