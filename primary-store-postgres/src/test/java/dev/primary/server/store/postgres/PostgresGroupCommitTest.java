package dev.primary.server.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.licensing.ClientRecord;
import dev.primary.server.licensing.InvalidRequestException;
import dev.primary.server.store.StoreBusyException;
import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.contract.WriterHold;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store's writer: units queued while a group runs are committed together in the next, each in its own
 * savepoint; and a group holds the database's write lock until its commit, so another server's units wait for it.
 */
class PostgresGroupCommitTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static AuditEvent event(String subject) {
        return new AuditEvent(AT, "test", AuditAction.SEAT_GRANTED, subject, "");
    }

    private static List<String> subjects(PostgresStore store) {
        return store.read(reads -> reads.audit(0, 1000)).stream().map(entry -> entry.subject()).sorted().toList();
    }

    @Test
    void units_queued_while_a_group_runs_are_committed_in_one_transaction_and_a_failing_one_is_rolled_back_alone()
            throws Exception {
        try (PostgresStore store = PostgresStore.open(EmbeddedPostgresServer.freshDatabase())) {
            CountDownLatch release = WriterHold.hold(store, writes -> writes.audit(event("blocking")));
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
                WriterHold.awaitQueued(store::queuedWrites, i + 1);
            }
            long commitsBefore = store.commits();

            release.countDown();

            assertThatThrownBy(() -> writes.get(2).join()).hasCause(refusal);
            assertThat(writes.get(4).join()).isEqualTo("unit 4");
            assertThat(subjects(store)).containsExactly("blocking", "unit 0", "unit 1", "unit 3", "unit 4");
            assertThat(store.commits() - commitsBefore).as("one commit for the blocking unit, one for the five")
                    .isEqualTo(2);
        }
    }

    @Test
    void a_failing_statement_inside_a_unit_is_rolled_back_alone_and_the_group_goes_on() throws Exception {
        try (PostgresStore store = PostgresStore.open(EmbeddedPostgresServer.freshDatabase())) {
            CountDownLatch release = WriterHold.hold(store, writes -> writes.audit(event("blocking")));
            CompletableFuture<Object> before = CompletableFuture.supplyAsync(() -> store.write(unit -> {
                unit.audit(event("before"));
                return "before";
            }));
            WriterHold.awaitQueued(store::queuedWrites, 1);
            // a statement the database refuses (a second row with the same primary key): PostgreSQL then refuses every
            // statement of the transaction until it is rolled back to the unit's savepoint
            PublicKey key = Ed25519.generate().publicKey();
            CompletableFuture<Object> broken = CompletableFuture.supplyAsync(() -> store.write(unit -> {
                unit.audit(event("broken"));
                unit.insertClient(new ClientRecord(key.keyId(), key, 0, AT));
                unit.insertClient(new ClientRecord(key.keyId(), key, 0, AT));
                return "broken";
            }));
            WriterHold.awaitQueued(store::queuedWrites, 2);
            CompletableFuture<Object> after = CompletableFuture.supplyAsync(() -> store.write(unit -> {
                unit.audit(event("after"));
                return "after";
            }));
            WriterHold.awaitQueued(store::queuedWrites, 3);

            release.countDown();

            assertThatThrownBy(broken::join).hasMessageContaining("the store statement INSERT INTO clients");
            assertThat(before.join()).isEqualTo("before");
            assertThat(after.join()).isEqualTo("after");
            assertThat(subjects(store)).containsExactly("after", "before", "blocking");
            Optional<ClientRecord> firstRow = store.read(reads -> reads.client(key.keyId()));
            assertThat(firstRow).as("the failed unit's first client row is rolled back too").isEmpty();
        }
    }

    @Test
    void a_group_holds_the_write_lock_until_its_commit_so_another_servers_unit_waits_for_it() throws Exception {
        PostgresSettings database = EmbeddedPostgresServer.freshDatabase();
        try (PostgresStore first = PostgresStore.open(database); PostgresStore second = PostgresStore.open(database)) {
            CountDownLatch release = WriterHold.hold(first, writes -> writes.audit(event("first server")));
            CompletableFuture<List<String>> seenBySecond = CompletableFuture.supplyAsync(() -> second.write(unit -> {
                unit.audit(event("second server"));
                return unit.audit(0, 1000).stream().map(entry -> entry.subject()).sorted().toList();
            }));

            Thread.sleep(500);
            assertThat(seenBySecond).as("the second server's unit waits for the first server's group").isNotDone();
            release.countDown();

            assertThat(seenBySecond.get(60, TimeUnit.SECONDS)).as("and then sees what that group committed")
                    .containsExactly("first server", "second server");
        }
    }

    @Test
    void a_unit_that_cannot_have_the_write_lock_within_the_wait_limit_fails_as_busy_and_leaves_nothing()
            throws Exception {
        PostgresSettings database = EmbeddedPostgresServer.freshDatabase();
        PostgresSettings impatient = new PostgresSettings(database.jdbcUrl(), database.user(), database.password(),
                database.poolSize(), Duration.ofSeconds(1));
        try (PostgresStore first = PostgresStore.open(database); PostgresStore second = PostgresStore.open(impatient)) {
            CountDownLatch release = WriterHold.hold(first, writes -> writes.audit(event("first server")));

            assertThatThrownBy(() -> second.write(unit -> {
                unit.audit(event("second server"));
                return null;
            })).isInstanceOf(StoreBusyException.class);

            release.countDown();
            first.write(unit -> null);
            assertThat(subjects(second)).containsExactly("first server");
        }
    }

    @Test
    void a_group_whose_connection_is_lost_fails_its_units_keeps_none_of_them_and_the_next_group_is_written()
            throws Exception {
        PostgresSettings database = EmbeddedPostgresServer.freshDatabase();
        try (PostgresStore store = PostgresStore.open(database)) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> lost = CompletableFuture.supplyAsync(() -> store.write(unit -> {
                unit.audit(event("lost"));
                inside.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "lost";
            }));
            assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Object> next = CompletableFuture.supplyAsync(() -> store.write(unit -> {
                unit.audit(event("next"));
                return "next";
            }));
            WriterHold.awaitQueued(store::queuedWrites, 1);
            // the group's session ends under it, as when the database restarts or the network drops it
            try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                    database.password()); Statement statement = admin.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND granted AND objid = " + (int) WriteLock.KEY
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
            }

            release.countDown();

            assertThatThrownBy(lost::join).hasCauseInstanceOf(StoreUnavailableException.class);
            assertThat(next.get(60, TimeUnit.SECONDS)).as("the next group, on another pooled connection")
                    .isEqualTo("next");
            assertThat(subjects(store)).as("the lost group's unit is not kept").containsExactly("next");
        }
    }

    @Test
    void closing_the_store_still_commits_the_units_queued_before_it() throws Exception {
        PostgresStore store = PostgresStore.open(EmbeddedPostgresServer.freshDatabase());
        CountDownLatch release = WriterHold.hold(store);
        CompletableFuture<Object> queued = CompletableFuture.supplyAsync(() -> store.write(unit -> {
            unit.audit(event("queued before the close"));
            return "committed";
        }));
        WriterHold.awaitQueued(store::queuedWrites, 1);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(store::close);
        WriterHold.awaitQueued(store::queuedWrites, 2); // the writer's stop, behind the queued unit

        release.countDown();

        assertThat(queued.get(60, TimeUnit.SECONDS)).isEqualTo("committed");
        closing.get(60, TimeUnit.SECONDS);
    }
}
