package dev.primary.server.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.RegistrationCode;
import dev.primary.server.computer.Computer;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.licensing.ClientCredentials;
import dev.primary.server.licensing.CheckInKeys;
import dev.primary.server.licensing.ClientHoldings;
import dev.primary.server.licensing.ClientRecord;
import dev.primary.server.computer.ClientContact;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.server.licensing.ContactBatch;
import dev.primary.server.licensing.ReplayedRequestException;
import dev.primary.server.licensing.SignatureRequiredException;
import dev.primary.server.licensing.UpdateAdvisor;
import dev.primary.server.licensing.ComputerHeldException;
import dev.primary.server.licensing.IdentityPolicy;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.licensing.LicensingSettings;
import dev.primary.server.store.contract.Concurrently.Outcome;
import dev.primary.server.testing.FakeClock;
import dev.primary.server.testing.OneCheckInKey;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.TestVendor;
import java.time.Duration;
import java.time.Instant;
import dev.primary.server.audit.AuditFilter;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.audit.AuditAction;
import dev.primary.protocol.admin.AuditEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract ({@code docs/architecture.md}, "The store contract"; {@link dev.primary.server.licensing.LicensingStore}),
 * as tests every store adapter runs on its own real database: a subclass says how to open its store on a fresh,
 * empty database ({@link #openStore}, called again to reopen the same one). The concurrent tests start many threads
 * at once against one store, through the domain where the domain makes the decision (seats, queue) and through
 * the port where the guarantee is the port's own (sequences, atomicity, durability, snapshots).
 */
public abstract class StoreContract {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SERVER_ID = "srv-contract-0001";
    private static final String ADMIN = "admin";
    private static final int THREADS = 16;

    private final FakeClock clock = new FakeClock(START);
    private final TestVendor vendor = new TestVendor();
    private final SigningKey serverKey = Ed25519.generate();
    private StoreUnderTest store;
    private Licensing licensing;
    private ContactBatch contacts;
    private Licensing batched;

    /** Opens the store under test on this test's database (fresh and empty at the first call; the same one after). */
    protected abstract StoreUnderTest openStore();

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Test
    void many_threads_registering_for_the_last_seats_never_over_grant_them() {
        int seats = 12;
        int computers = 60;
        activeLicense("SEATS-1", seats);
        List<Callable<CheckInAnswer>> registrations = new ArrayList<>();
        for (int i = 0; i < computers; i++) {
            TestClient client = TestClient.named("CORP\\PC" + i);
            registrations.add(() -> client.register(licensing()));
        }

        List<CheckInAnswer> answers = answersOf(Concurrently.run(THREADS, registrations));

        assertThat(answers).filteredOn(CheckInAnswer.Licensed.class::isInstance).hasSize(seats);
        List<Integer> places = answers.stream().filter(CheckInAnswer.WaitingForSeat.class::isInstance)
                .map(answer -> ((CheckInAnswer.WaitingForSeat) answer).queuePosition()).sorted().toList();
        assertThat(places).as("every waiting computer has a place of its own in line")
                .isEqualTo(IntStream.rangeClosed(1, computers - seats).boxed().toList());
        assertThat(seatsUsed("SEATS-1")).isEqualTo(seats);
        assertThat(seatHolders("SEATS-1")).hasSize(seats);
        assertThat(countIn(ComputerState.WAITING)).isEqualTo(computers - seats);
    }

    @Test
    void one_client_registering_its_computer_from_many_threads_at_once_is_stored_once_with_one_seat() {
        activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\TWICE");
        List<Callable<CheckInAnswer>> registrations = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            registrations.add(() -> client.register(licensing()));
        }

        List<Outcome<CheckInAnswer>> outcomes = Concurrently.run(THREADS, registrations);

        assertThat(outcomes).as("at least one registration was answered").anyMatch(Outcome::succeeded);
        assertThat(computersOf(client.clientId())).hasSize(1);
        assertThat(seatHolders("SEATS-1")).hasSize(1);
        assertThat(seatsUsed("SEATS-1")).isEqualTo(1);
    }

    @Test
    void many_keys_claiming_one_computer_at_once_give_it_one_holder_and_one_seat() {
        activeLicense("SEATS-1", 5);
        List<Callable<CheckInAnswer>> registrations = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            TestClient claimant = TestClient.named("CORP\\CLAIMED");
            registrations.add(() -> claimant.register(licensing()));
        }

        List<Outcome<CheckInAnswer>> outcomes = Concurrently.run(THREADS, registrations);

        assertThat(outcomes).filteredOn(outcome -> outcome.value() instanceof CheckInAnswer.Licensed).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                .as("every other key is told the computer is held")
                .allMatch(outcome -> outcome.failure() instanceof ComputerHeldException).hasSize(THREADS - 1);
        assertThat(computersNamed("CLAIMED")).as("one holder").hasSize(1);
        assertThat(seatHolders("SEATS-1")).hasSize(1);
        assertThat(seatsUsed("SEATS-1")).isEqualTo(1);
        assertThat(countIn(ComputerState.CONFLICT)).as("every other key's claim is kept as a conflict")
                .isEqualTo(THREADS - 1);
    }

    @Test
    void seats_freed_at_once_go_to_the_oldest_waiters_each_to_one() {
        int seats = 4;
        int waiting = 10;
        activeLicense("SEATS-1", seats);
        List<TestClient> holders = registerInTurn("HOLDER", seats);
        List<TestClient> waiters = registerInTurn("WAITER", waiting);
        List<Callable<ComputerView>> releases = holders.stream()
                .<Callable<ComputerView>>map(holder -> () -> licensing().release(holder.computer().display(),
                        "moved away", ADMIN))
                .toList();

        List<Outcome<ComputerView>> outcomes = Concurrently.run(seats, releases);

        assertThat(outcomes).allMatch(Outcome::succeeded);
        for (int i = 0; i < waiting; i++) {
            ComputerView view = licensing().computer(waiters.get(i).computer().display());
            assertThat(view.state()).as("waiter %d", i).isEqualTo(i < seats ? ComputerState.LICENSED : ComputerState.WAITING);
        }
        assertThat(seatsUsed("SEATS-1")).isEqualTo(seats);
        Computer head = store().read(reads -> reads.oldestWaiting().orElseThrow());
        assertThat(head.identity()).as("the queue still starts with the oldest waiter left")
                .isEqualTo(waiters.get(seats).computer());
        int place = store().read(reads -> reads.queuePosition(head));
        assertThat(place).isEqualTo(1);
    }

    @Test
    void one_sequence_offered_by_many_threads_at_once_is_accepted_once() {
        String clientId = insertClient();
        List<Callable<Boolean>> offers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            offers.add(() -> store().write(writes -> writes.advanceSequence(clientId, 7)));
        }

        List<Boolean> accepted = answersOf(Concurrently.run(THREADS, offers));

        assertThat(accepted).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(lastSequence(clientId)).isEqualTo(7);
    }

    @Test
    void sequences_offered_in_any_order_from_many_threads_are_each_accepted_at_most_once_and_only_rising() {
        String clientId = insertClient();
        int sequences = 50;
        List<Callable<List<Long>>> offerers = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            List<Long> order = new ArrayList<>(LongRange.of(1, sequences));
            Collections.shuffle(order, new Random(thread));
            offerers.add(() -> {
                List<Long> mine = new ArrayList<>();
                for (long sequence : order) {
                    if (store().write(writes -> writes.advanceSequence(clientId, sequence))) {
                        mine.add(sequence);
                    }
                }
                return mine;
            });
        }

        List<List<Long>> acceptedPerThread = answersOf(Concurrently.run(8, offerers));

        List<Long> all = acceptedPerThread.stream().flatMap(List::stream).toList();
        assertThat(all).as("no sequence accepted twice").doesNotHaveDuplicates().contains((long) sequences);
        acceptedPerThread.forEach(mine -> assertThat(mine).as("what one thread got accepted rises").isSorted());
        assertThat(lastSequence(clientId)).isEqualTo(sequences);
    }

    @Test
    void a_unit_that_throws_changes_nothing_and_its_exception_reaches_the_caller_unchanged() {
        PublicKey key = Ed25519.generate().publicKey();
        IllegalStateException thrown = new IllegalStateException("the unit changed its mind");

        assertThatThrownBy(() -> store().write(writes -> {
            writes.insertClient(new ClientRecord(key.keyId(), key, 0, START));
            throw thrown;
        })).isSameAs(thrown);

        assertThat(storedClient(key.keyId())).isEmpty();
        boolean seenByALaterUnit = store().write(writes -> writes.client(key.keyId()).isPresent());
        assertThat(seenByALaterUnit).as("nor does a later unit see it").isFalse();
    }

    @Test
    void a_write_is_kept_once_write_returns_and_the_store_is_opened_again() {
        String clientId = insertClient();
        store().write(writes -> writes.advanceSequence(clientId, 42));

        reopen();

        assertThat(lastSequence(clientId)).isEqualTo(42);
    }

    @Test
    void a_read_sees_committed_state_only_and_does_not_wait_for_a_unit_in_progress() throws Exception {
        PublicKey key = Ed25519.generate().publicKey();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread writer = new Thread(() -> store().write(writes -> {
            writes.insertClient(new ClientRecord(key.keyId(), key, 0, START));
            inside.countDown();
            await(finish);
            return null;
        }));
        writer.start();
        try {
            assertThat(inside.await(30, TimeUnit.SECONDS)).as("the unit started").isTrue();

            assertThat(storedClient(key.keyId())).as("not committed yet").isEmpty();
        } finally {
            finish.countDown();
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(storedClient(key.keyId())).as("committed").isPresent();
    }

    @Test
    void a_read_sees_one_snapshot_even_when_a_unit_commits_between_its_statements() {
        String before = insertClient();
        PublicKey later = Ed25519.generate().publicKey();

        List<Optional<ClientRecord>> seen = store().read(reads -> {
            Optional<ClientRecord> first = reads.client(before);
            store().write(writes -> {
                writes.insertClient(new ClientRecord(later.keyId(), later, 0, START));
                return null;
            });
            return List.of(first, reads.client(later.keyId()));
        });

        assertThat(seen.get(0)).as("committed before the read").isPresent();
        assertThat(seen.get(1)).as("committed during the read, after its first statement").isEmpty();
        assertThat(storedClient(later.keyId())).as("committed").isPresent();
    }

    @Test
    void a_clients_holdings_are_what_its_record_computers_and_their_licenses_read_one_by_one() {
        activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\HOLDER");
        client.register(licensing());
        store().write(writes -> writes.insertComputer(Computer.conflict(ComputerIdentity.parse("CORP\\TAKEN"),
                new ClientContact(client.clientId(), "Windows", new Version(1, 0, 7), Version.NONE, 3600),
                "held by another key", clock.instant())));
        String withoutComputers = insertClient();

        store().read(reads -> {
            ClientHoldings holdings = reads.clientHoldings(client.clientId()).orElseThrow();
            assertThat(holdings.client()).isEqualTo(reads.client(client.clientId()).orElseThrow());
            assertThat(holdings.computers()).isEqualTo(reads.computersOfClient(client.clientId()))
                    .extracting(Computer::state).containsExactly(ComputerState.LICENSED, ComputerState.CONFLICT);
            assertThat(holdings.licenses()).isEqualTo(Map.of("SEATS-1", reads.license("SEATS-1").orElseThrow()));

            ClientHoldings bare = reads.clientHoldings(withoutComputers).orElseThrow();
            assertThat(bare.client()).isEqualTo(reads.client(withoutComputers).orElseThrow());
            assertThat(bare.computers()).isEmpty();
            assertThat(bare.licenses()).isEmpty();

            assertThat(reads.clientHoldings(Ed25519.generate().publicKey().keyId())).isEmpty();
            return null;
        });
    }

    @Test
    void the_units_of_one_caller_commit_in_the_order_it_called() {
        String clientId = insertClient();
        List<Boolean> accepted = new ArrayList<>();
        for (long sequence = 1; sequence <= 20; sequence++) {
            long offered = sequence;
            accepted.add(store().write(writes -> writes.advanceSequence(clientId, offered)));
        }

        assertThat(accepted).containsOnly(true);
    }

    @Test
    void a_check_in_that_changes_nothing_but_its_contact_is_written_with_the_next_batch() {
        activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\QUIET").keepingCurrentLease();
        client.register(batched());
        Instant registered = clock.instant();
        clock.advance(Duration.ofHours(1));

        CheckInAnswer answer = client.verify(batched());

        assertThat(((CheckInAnswer.Licensed) answer).currentLease()).isEqualTo(client.leaseId());
        assertThat(contacts.pending()).isEqualTo(1);
        assertThat(computersOf(client.clientId()).get(0).lastContact()).as("not written yet").isEqualTo(registered);
        assertThat(lastSequence(client.clientId())).isEqualTo(client.lastSequence() - 1);

        contacts.flush();

        assertThat(contacts.pending()).isZero();
        assertThat(computersOf(client.clientId()).get(0).lastContact()).isEqualTo(clock.instant());
        assertThat(lastSequence(client.clientId())).isEqualTo(client.lastSequence());
    }

    /** One key for every client: the store's part does not depend on how keys are derived. */
    private static final CheckInKeys CHECK_IN_KEYS = new OneCheckInKey();

    @Test
    void a_check_in_with_a_check_in_mac_that_changes_nothing_but_its_contact_is_batched_and_never_passes_twice() {
        activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\MACED").keepingCurrentLease();
        client.register(batched());
        clock.advance(Duration.ofHours(1));

        CheckInAnswer answer = client.verifyWithMac(batched(), 1, new byte[32]);

        assertThat(((CheckInAnswer.Licensed) answer).currentLease()).isEqualTo(client.leaseId());
        assertThat(contacts.pending()).isEqualTo(1);
        ClientCredentials replay = ClientCredentials.maced(client.clientId(), client.lastSequence(), new byte[32],
                new byte[0], "", 1);
        assertThatThrownBy(() -> batched().verify(replay, client.verifyRequest()))
                .as("a MAC over other bytes").isInstanceOf(SignatureRequiredException.class);
        contacts.flush();
        assertThat(lastSequence(client.clientId())).isEqualTo(client.lastSequence());
        byte[] signed = dev.primary.protocol.crypto.RequestSignature.signedBytes("POST", "/v1/verify",
                client.clientId(), client.lastSequence(), dev.primary.protocol.json.Json.write(client.verifyRequest()));
        ClientCredentials copy = ClientCredentials.maced(client.clientId(), client.lastSequence(),
                dev.primary.protocol.crypto.RequestMac.mac(new byte[32], signed), signed, "", 1);
        assertThatThrownBy(() -> batched().verify(copy, client.verifyRequest()))
                .isInstanceOf(ReplayedRequestException.class);
    }

    @Test
    void a_check_in_with_a_check_in_mac_of_a_revoked_client_is_answered_revoked() {
        activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\MACREV").keepingCurrentLease();
        client.register(batched());
        batched().revoke("CORP\\MACREV", "stolen", ADMIN);

        CheckInAnswer answer = client.verifyWithMac(batched(), 1, new byte[32]);

        assertThat(answer).isInstanceOf(CheckInAnswer.Revoked.class);
        assertThat(contacts.pending()).isZero();
    }

    @Test
    void a_check_in_that_changes_more_than_its_contact_is_durable_before_its_answer() {
        activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\BUSY").keepingCurrentLease();
        client.register(batched());
        clock.advance(Duration.ofMinutes(5));
        client.runsRecorder(new dev.primary.protocol.message.Version(2, 0, 1));

        client.verify(batched());

        assertThat(contacts.pending()).isZero();
        Computer stored = computersOf(client.clientId()).get(0);
        assertThat(stored.recorderVersion()).isEqualTo(new dev.primary.protocol.message.Version(2, 0, 1));
        assertThat(stored.lastContact()).isEqualTo(clock.instant());
        assertThat(lastSequence(client.clientId())).isEqualTo(client.lastSequence());
    }

    @Test
    void a_crash_before_the_batch_is_written_loses_only_deferred_contacts_never_a_seat_or_a_durable_sequence() {
        activeLicense("SEATS-1", 5);
        TestClient quiet = TestClient.named("CORP\\QUIET").keepingCurrentLease();
        quiet.register(batched());
        Instant registered = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        VerifyRequest checkIn = quiet.verifyRequest();
        ClientCredentials deferred = quiet.credentials("/v1/verify", checkIn);
        batched().verify(deferred, checkIn);
        TestClient late = TestClient.named("CORP\\LATE");
        ClientCredentials lateRegistration = late.credentials("/v1/register", late.registerRequest());
        assertThat(batched().register(lateRegistration, late.registerRequest()))
                .isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(contacts.pending()).isEqualTo(1);

        crash();

        assertThat(seatHolders("SEATS-1")).as("no seat change lost").hasSize(2);
        assertThat(seatsUsed("SEATS-1")).isEqualTo(2);
        assertThat(computersOf(quiet.clientId()).get(0).lastContact()).as("the deferred contact is lost")
                .isEqualTo(registered);
        assertThat(lastSequence(late.clientId())).as("a durable sequence is kept").isEqualTo(late.lastSequence());
        assertThatThrownBy(() -> batched().register(lateRegistration, late.registerRequest()))
                .as("a replay of a durable request is refused").isInstanceOf(ReplayedRequestException.class);
        // The bounded replay: the deferred check-in, sent again after the crash, passes once, changing no seat.
        CheckInAnswer replayed = batched().verify(deferred, checkIn);
        assertThat(replayed).isInstanceOf(CheckInAnswer.Licensed.class);
        assertThat(seatsUsed("SEATS-1")).isEqualTo(2);
        assertThatThrownBy(() -> batched().verify(deferred, checkIn)).as("and only once")
                .isInstanceOf(ReplayedRequestException.class);
        contacts.flush();
        assertThatThrownBy(() -> batched().verify(deferred, checkIn)).as("also once written")
                .isInstanceOf(ReplayedRequestException.class);
    }

    @Test
    void copies_of_a_deferred_check_in_offered_by_many_threads_at_once_pass_once() {
        activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\COPIED").keepingCurrentLease();
        client.register(batched());
        clock.advance(Duration.ofMinutes(1));
        VerifyRequest checkIn = client.verifyRequest();
        ClientCredentials credentials = client.credentials("/v1/verify", checkIn);
        List<Callable<CheckInAnswer>> copies = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            copies.add(() -> batched().verify(credentials, checkIn));
        }

        List<Outcome<CheckInAnswer>> outcomes = Concurrently.run(THREADS, copies);

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                .allMatch(outcome -> outcome.failure() instanceof ReplayedRequestException);
        contacts.flush();
        assertThatThrownBy(() -> batched().verify(credentials, checkIn)).isInstanceOf(ReplayedRequestException.class);
    }

    @Test
    void the_last_contact_write_never_moves_a_last_contact_back() {
        activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\TOUCHED");
        client.register(licensing());
        Computer computer = computersOf(client.clientId()).get(0);
        Instant later = clock.instant().plusSeconds(30);

        store().write(writes -> {
            writes.touchContact(computer.id(), later);
            writes.touchContact(computer.id(), later.minusSeconds(20));
            writes.touchContact(computer.id() + 1000, later);
            return null;
        });

        assertThat(computersOf(client.clientId()).get(0).lastContact()).isEqualTo(later);
    }

    @Test
    void the_audit_trail_is_read_by_actor_action_subject_and_time_newest_first() {
        store().write(writes -> {
            writes.audit(new AuditEvent(START, "ada", AuditAction.COMPUTER_REVOKED, "CORP\\PC1", "lost"));
            writes.audit(new AuditEvent(START.plusSeconds(60), "bob", AuditAction.COMPUTER_REVOKED, "CORP\\PC2", ""));
            writes.audit(new AuditEvent(START.plusSeconds(120), "ada", AuditAction.SEAT_RESERVED, "CORP\\PC1", ""));
            writes.audit(new AuditEvent(START.plusSeconds(180), "ada", AuditAction.COMPUTER_REVOKED, "CORP\\PC2", ""));
            return null;
        });

        assertThat(auditDetails(new AuditFilter("ada", "", "", Optional.empty(), Optional.empty())))
                .extracting(AuditEntry::at).containsExactly(START.plusSeconds(180), START.plusSeconds(120), START);
        assertThat(auditDetails(new AuditFilter("ada", "computer.revoked", "", Optional.empty(), Optional.empty())))
                .extracting(AuditEntry::subject).containsExactly("CORP\\PC2", "CORP\\PC1");
        assertThat(auditDetails(new AuditFilter("", "", "CORP\\PC1", Optional.empty(), Optional.empty())))
                .extracting(AuditEntry::action).containsExactly("seat.reserved", "computer.revoked");
        assertThat(auditDetails(new AuditFilter("", "", "", Optional.of(START.plusSeconds(60)),
                Optional.of(START.plusSeconds(180))))).as("from inclusive, to exclusive")
                .extracting(AuditEntry::at).containsExactly(START.plusSeconds(120), START.plusSeconds(60));
        List<AuditEntry> newest = auditDetails(AuditFilter.ANY);
        List<AuditEntry> beforeNewest = store().read(reads -> reads.audit(
                new AuditFilter("ada", "", "", Optional.empty(), Optional.empty()), newest.get(0).id(), 1));
        assertThat(beforeNewest).as("before and limit with a filter")
                .extracting(AuditEntry::at).containsExactly(START.plusSeconds(120));
        assertThat(auditDetails(new AuditFilter("nobody", "", "", Optional.empty(), Optional.empty()))).isEmpty();
    }

    @Test
    void an_audit_entry_keeps_where_its_request_came_from() {
        store().write(writes -> {
            writes.audit(new AuditEvent(START, "ada", AuditAction.SEAT_RESERVED, "CORP\\PC1", "", "10.0.0.5"));
            writes.audit(new AuditEvent(START.plusSeconds(1), "system", AuditAction.SEAT_RELEASED, "CORP\\PC1", ""));
            return null;
        });

        assertThat(auditDetails(AuditFilter.ANY)).extracting(AuditEntry::actor, AuditEntry::source)
                .containsExactly(tuple("system", ""),
                        tuple("ada", "10.0.0.5"));
    }

    private List<AuditEntry> auditDetails(AuditFilter filter) {
        return store().read(reads -> reads.audit(filter, 0, 100));
    }

    private Licensing batched() {
        if (batched == null) {
            contacts = ContactBatch.manual(store(), ContactBatch.Limits.DEFAULT);
            batched = new Licensing(settings(), store(), serverKey, clock, UpdateAdvisor.NONE, contacts, CHECK_IN_KEYS);
        }
        return batched;
    }

    /** The server dies: its store is closed without the contact batch being written, and opened again. */
    private void crash() {
        batched = null;
        contacts = null;
        reopen();
    }

    private StoreUnderTest store() {
        if (store == null) {
            store = openStore();
        }
        return store;
    }

    private Licensing licensing() {
        if (licensing == null) {
            licensing = new Licensing(settings(), store(), serverKey, clock);
        }
        return licensing;
    }

    private void reopen() {
        store.close();
        store = openStore();
        licensing = null;
        batched = null;
        contacts = null;
    }

    private LicensingSettings settings() {
        return new LicensingSettings(SERVER_ID, "0.1.0", "sha256/test-pin", Duration.ofDays(7), Duration.ofSeconds(60),
                Duration.ofHours(1), Duration.ofDays(30), () -> List.of(vendor.publicKey()), List::of,
                IdentityPolicy.DEFAULTS.withOpenEnrollment(true));
    }

    private void activeLicense(String serial, int seats) {
        licensing().importLicense(vendor.license(serial, seats, clock.instant().minusSeconds(3600), null), ADMIN);
        String code = RegistrationCode.of(serial, SERVER_ID).text();
        licensing().unlock(vendor.unlock(serial, code, clock.instant()), ADMIN);
    }

    /** Registers {@code count} computers one after another, a second apart, so their order in line is known. */
    private List<TestClient> registerInTurn(String prefix, int count) {
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestClient client = TestClient.named("CORP\\" + prefix + i);
            client.register(licensing());
            clients.add(client);
            clock.advance(Duration.ofSeconds(1));
        }
        return clients;
    }

    private String insertClient() {
        PublicKey key = Ed25519.generate().publicKey();
        store().write(writes -> {
            writes.insertClient(new ClientRecord(key.keyId(), key, 0, START));
            return null;
        });
        return key.keyId();
    }

    private int seatsUsed(String serial) {
        return store().read(reads -> reads.license(serial).orElseThrow().used());
    }

    private List<Computer> seatHolders(String serial) {
        return store().read(reads -> reads.seatsOf(serial));
    }

    private List<Computer> computersOf(String clientId) {
        return store().read(reads -> reads.computersOfClient(clientId));
    }

    private List<Computer> computersNamed(String name) {
        return store().read(reads -> reads.computersNamed(name));
    }

    private long lastSequence(String clientId) {
        return store().read(reads -> reads.client(clientId).orElseThrow().lastSequence());
    }

    private Optional<ClientRecord> storedClient(String clientId) {
        return store().read(reads -> reads.client(clientId));
    }

    private long countIn(ComputerState state) {
        return licensing().computers(new ComputerQuery("", state, null, false, 0, 1)).total();
    }

    private static <T> List<T> answersOf(List<Outcome<T>> outcomes) {
        List<T> answers = new ArrayList<>();
        for (Outcome<T> outcome : outcomes) {
            if (!outcome.succeeded()) {
                throw new AssertionError("a concurrent task failed: " + outcome.failure(), outcome.failure());
            }
            answers.add(outcome.value());
        }
        return answers;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not let the unit finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whole numbers from one to another, inclusive, as boxed longs. */
    private static final class LongRange {
        private LongRange() {}

        static List<Long> of(long from, long to) {
            List<Long> values = new ArrayList<>();
            for (long value = from; value <= to; value++) {
                values.add(value);
            }
            return values;
        }
    }
}
