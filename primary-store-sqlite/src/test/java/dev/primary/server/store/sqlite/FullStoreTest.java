package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.store.StoreFullException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code SQLITE_FULL} (the database capped at its size): a full-disk failure, and nothing half-kept. */
class FullStoreTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String PADDING = "x".repeat(2000);

    @TempDir
    Path directory;

    private static void audit(SqliteStore store, String subject) {
        store.write(writes -> {
            writes.audit(new AuditEvent(AT, "test", AuditAction.SEAT_GRANTED, subject, PADDING));
            return null;
        });
    }

    private static long auditRows(SqliteStore store) {
        return store.read(reads -> reads.audit(0, 1000)).size();
    }

    /** Writes until the capped database refuses; returns the failure. */
    private static StoreFullException fillUntilFull(SqliteStore store) {
        for (int i = 0; i < 1000; i++) {
            try {
                audit(store, "filler " + i);
            } catch (StoreFullException full) {
                return full;
            }
        }
        throw new AssertionError("the capped database never filled up");
    }

    @Test
    void a_full_database_fails_a_write_as_storage_full_and_keeps_none_of_it() {
        try (SqliteStore store = SqliteStore.open(directory.resolve("primary.db"))) {
            audit(store, "before");
            store.capPagesForTests(1);

            StoreFullException full = fillUntilFull(store);
            long kept = auditRows(store);

            assertThat(full.problemType()).isEqualTo(ProblemType.STORAGE_FULL);
            assertThat(full.getMessage()).contains("disk is full").contains("SQLITE_FULL");
            assertThatThrownBy(() -> store.write(writes -> {
                writes.audit(new AuditEvent(AT, "test", AuditAction.SEAT_GRANTED, "first half", PADDING));
                writes.audit(new AuditEvent(AT, "test", AuditAction.SEAT_GRANTED, "second half", PADDING));
                return null;
            })).isInstanceOf(StoreFullException.class);
            assertThat(auditRows(store)).isEqualTo(kept);
        }
    }

    @Test
    void writes_succeed_again_once_there_is_room() {
        try (SqliteStore store = SqliteStore.open(directory.resolve("primary.db"))) {
            store.capPagesForTests(1);
            fillUntilFull(store);
            long kept = auditRows(store);

            store.capPagesForTests(1_000_000);
            audit(store, "after");

            assertThat(auditRows(store)).isEqualTo(kept + 1);
        }
    }
}
