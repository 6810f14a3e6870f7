package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.licensing.InvalidRequestException;
import dev.primary.server.store.StoreBusyException;
import dev.primary.server.store.StoreLockedException;
import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.contract.WriterHold;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path directory;

    private static AuditEvent event(String subject) {
        return new AuditEvent(AT, "test", AuditAction.SEAT_GRANTED, subject, "");
    }

    private static List<String> subjects(SqliteStore store) {
        return store.read(reads -> reads.audit(0, 1000)).stream().map(entry -> entry.subject()).sorted().toList();
    }

    @Test
    void a_second_open_of_the_same_database_fails_with_a_clear_message() {
        Path file = directory.resolve("primary.db");
        try (SqliteStore first = SqliteStore.open(file)) {
            assertThatThrownBy(() -> SqliteStore.open(file))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("the database " + file + " is already in use by another store in this process")
                    .hasMessageContaining("stop the other Primary Server or give this one another data directory");
            first.write(writes -> {
                writes.audit(event("still usable"));
                return null;
            });
        }
        try (SqliteStore again = SqliteStore.open(file)) {
            assertThat(subjects(again)).containsExactly("still usable");
        }
    }

    @Test
    void a_second_server_process_on_the_same_database_fails_fast_naming_the_process() throws Exception {
        Path file = directory.resolve("primary.db");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).startsWith("opened sqlite:");

            assertThatThrownBy(() -> SqliteStore.open(file))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("is already in use by another process (pid " + holder.pid() + ")");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (SqliteStore afterwards = SqliteStore.open(file)) {
            assertThat(afterwards.description()).isEqualTo("sqlite:" + file);
        }
    }

    @Test
    void the_database_is_in_wal_mode_with_full_synchronous_commits() {
        try (SqliteStore store = SqliteStore.open(directory.resolve("primary.db"))) {
            long synchronous = store.write(writes -> ((SqliteWrites) writes).session.number("PRAGMA synchronous"));
            String journal = store.write(writes -> ((SqliteWrites) writes).session
                    .one("PRAGMA journal_mode", row -> row.getString(1), new Object[0]).orElseThrow());
            long walPages = store.write(writes -> ((SqliteWrites) writes).session.number("PRAGMA wal_autocheckpoint"));
            long tempStore = store.write(writes -> ((SqliteWrites) writes).session.number("PRAGMA temp_store"));

            assertThat(synchronous).as("2 = FULL").isEqualTo(2);
            assertThat(journal).isEqualTo("wal");
            assertThat(walPages).isEqualTo(SqliteStore.WAL_PAGES_BEFORE_CHECKPOINT);
            assertThat(tempStore).as("the writer's savepoint journals: 2 = MEMORY").isEqualTo(2);
        }
    }

    @Test
    void a_failing_unit_that_changed_more_than_its_journal_keeps_in_memory_by_default_is_rolled_back_alone()
            throws Exception {
        String large = "x".repeat(8_000);
        try (SqliteStore store = SqliteStore.open(directory.resolve("primary.db"))) {
            CountDownLatch release = WriterHold.hold(store);
            CompletableFuture<String> before = CompletableFuture.supplyAsync(() -> store.write(unit -> {
                unit.audit(event("before"));
                return "before";
            }));
            WriterHold.awaitQueued(store::queuedWrites, 1);
            InvalidRequestException refusal = new InvalidRequestException("refused after 200 audit rows");
            CompletableFuture<Object> failing = CompletableFuture.supplyAsync(() -> store.write(unit -> {
                for (int i = 0; i < 200; i++) {
                    unit.audit(new AuditEvent(AT, "test", AuditAction.SEAT_GRANTED, "failing " + i, large));
                }
                throw refusal;
            }));
            WriterHold.awaitQueued(store::queuedWrites, 2);
            CompletableFuture<String> after = CompletableFuture.supplyAsync(() -> store.write(unit -> {
                unit.audit(event("after"));
                return "after";
            }));
            WriterHold.awaitQueued(store::queuedWrites, 3);
            long commitsBefore = store.commits();

            release.countDown();

            assertThatThrownBy(failing::join).hasCause(refusal);
            assertThat(before.join()).isEqualTo("before");
            assertThat(after.join()).isEqualTo("after");
            assertThat(subjects(store)).as("1.6 MB of audit rows rolled back, the units around them kept")
                    .containsExactly("after", "before");
            assertThat(store.commits() - commitsBefore).as("the three in one commit, after the blocking unit's")
                    .isEqualTo(2);
        }
    }

    @Test
    void a_failing_unit_is_rolled_back_alone_and_its_caller_gets_its_exception() throws Exception {
        try (SqliteStore store = SqliteStore.open(directory.resolve("primary.db"))) {
            CountDownLatch release = WriterHold.hold(store);
            InvalidRequestException refusal = new InvalidRequestException("refused on purpose");
            List<CompletableFuture<Object>> writes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String subject = "unit " + i;
                boolean fails = i == 2;
                writes.add(CompletableFuture.supplyAsync(() -> store.write(unit -> {
                    unit.audit(event(subject));
                    if (fails) {
                        throw refusal;
                    }
                    return subject;
                })));
            }
            WriterHold.awaitQueued(store::queuedWrites, 5);
            long commitsBefore = store.commits();

            release.countDown();

            assertThatThrownBy(() -> writes.get(2).join()).hasCause(refusal);
            assertThat(writes.get(4).join()).isEqualTo("unit 4");
            assertThat(subjects(store)).containsExactly("unit 0", "unit 1", "unit 3", "unit 4");
            assertThat(store.commits() - commitsBefore).as("one commit for the blocking unit, one for the five")
                    .isEqualTo(2);
        }
    }

    @Test
    void a_commit_observer_that_fails_does_not_turn_a_commit_into_a_failure() {
        try (SqliteStore store = SqliteStore.open(directory.resolve("primary.db"))) {
            store.observeCommits((writes, nanos) -> {
                throw new IllegalStateException("the observer fails");
            });

            String answer = store.write(unit -> {
                unit.audit(event("kept"));
                return "answered";
            });

            assertThat(answer).isEqualTo("answered");
            assertThat(subjects(store)).containsExactly("kept");
            assertThat(store.commits()).isPositive();
        }
    }

    @Test
    void a_full_write_queue_answers_server_busy_at_once() throws Exception {
        SqliteStore.Limits limits = new SqliteStore.Limits(2, 100, 2, Duration.ofSeconds(10));
        try (SqliteStore store = SqliteStore.open(directory.resolve("primary.db"), limits)) {
            CountDownLatch release = WriterHold.hold(store);
            List<CompletableFuture<Object>> queued = List.of(
                    CompletableFuture.supplyAsync(() -> store.write(writes -> "first")),
                    CompletableFuture.supplyAsync(() -> store.write(writes -> "second")));
            WriterHold.awaitQueued(store::queuedWrites, 2);

            assertThatThrownBy(() -> store.write(writes -> "third"))
                    .isInstanceOf(StoreBusyException.class)
                    .hasMessage("the store has 2 writes queued; retry later")
                    .extracting(e -> ((StoreBusyException) e).problemType()).isEqualTo(ProblemType.SERVER_BUSY);

            release.countDown();
            assertThat(queued).extracting(CompletableFuture::join).containsExactly("first", "second");
        }
    }

    @Test
    void the_write_ahead_log_is_copied_into_the_database_every_ten_thousand_pages_and_stays_that_size()
            throws Exception {
        Path file = directory.resolve("primary.db");
        Path wal = directory.resolve("primary.db-wal");
        String detail = "d".repeat(10_000);
        long frame = 4096 + 24;
        long largest = 0;
        try (SqliteStore store = SqliteStore.open(file)) {
            for (int unit = 0; unit < 100; unit++) {
                int first = unit * 100;
                store.write(writes -> {
                    for (int row = first; row < first + 100; row++) {
                        writes.audit(new AuditEvent(AT, "test", AuditAction.SEAT_GRANTED, "row " + row, detail));
                    }
                    return null;
                });
                largest = Math.max(largest, Files.size(wal));
            }
            assertThat(Files.size(file)).as("100 MB written, most of it copied into the database")
                    .isGreaterThan(60L << 20);
        }
        assertThat(largest).as("the log grows past SQLite's default of 1,000 pages")
                .isGreaterThan(5_000 * frame)
                .as("and no further than 10,000 pages and one unit's (about 250 pages)")
                .isLessThan((SqliteStore.WAL_PAGES_BEFORE_CHECKPOINT + 400) * frame);
    }

    @Test
    void closing_moves_the_write_ahead_log_into_the_database_file() {
        Path file = directory.resolve("primary.db");
        SqliteStore store = SqliteStore.open(file);
        store.write(writes -> {
            writes.audit(event("kept"));
            return null;
        });
        store.read(reads -> reads.audit(0, 1));
        assertThat(directory.resolve("primary.db-wal")).exists();

        store.close();
        store.close();

        assertThat(directory.resolve("primary.db-wal")).doesNotExist();
        try (SqliteStore again = SqliteStore.open(file)) {
            assertThat(subjects(again)).containsExactly("kept");
        }
    }

    @Test
    void writes_after_close_are_refused() {
        SqliteStore store = SqliteStore.open(directory.resolve("primary.db"));
        store.close();

        assertThatThrownBy(() -> store.write(writes -> null))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("the store is closed");
        assertThatThrownBy(() -> store.read(reads -> reads.licenses()))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
