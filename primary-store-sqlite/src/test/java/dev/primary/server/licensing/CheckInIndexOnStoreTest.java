package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.store.sqlite.SqliteStore;
import dev.primary.server.testing.ForwardingStore;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.OneCheckInKey;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The licensing core with a {@link CheckInIndex} over the real SQLite store, as a server alone on its store runs it:
 * contact-only check-ins decided without a read once the client has an entry, and every change an administrator or
 * another client makes honoured at the next check-in, as without the index.
 */
class CheckInIndexOnStoreTest extends WithLicensingFixture {
    private static final byte[] KEY = OneCheckInKey.key();
    private static final String ADMIN = "admin";
    private static final Instant LICENSE_ENDS = LicensingFixture.START.plus(Duration.ofDays(300));

    private final CheckInIndex index = new CheckInIndex(CheckInIndex.Limits.DEFAULT);
    private CountingReads counted;
    private ContactBatch contacts;
    private Licensing indexed;
    private TestClient client;

    @BeforeEach
    void licensedClientWithAnEntry() {
        fixture.activeLicense("SEATS-1", 5, LICENSE_ENDS);
        counted = new CountingReads(fixture.store());
        CheckInIndexStore<CountingReads> watched = new CheckInIndexStore<>(counted, index);
        contacts = ContactBatch.manual(watched, ContactBatch.Limits.DEFAULT);
        indexed = new Licensing(fixture.settings(), watched, fixture.serverKey, fixture.clock, UpdateAdvisor.NONE,
                contacts, new OneCheckInKey(), index);
        client = TestClient.named("CORP\\PC1").keepingCurrentLease();
        client.register(indexed);
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(currentLease(client.verifyWithMac(indexed, 1, KEY))).as("decided from a read").isNotNull();
        assertThat(index.known(client.clientId())).as("which made the client's entry").isPresent();
        fixture.clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void flush() {
        contacts.close();
    }

    @Test
    void a_contact_only_check_in_of_a_client_with_an_entry_reads_nothing_and_is_written_with_the_batch() {
        int readsBefore = counted.reads.get();

        CheckInAnswer answer = client.verifyWithMac(indexed, 1, KEY);

        assertThat(currentLease(answer)).isEqualTo(client.leaseId());
        assertThat(counted.reads).as("no store read").hasValue(readsBefore);
        assertWrittenWithTheBatch();
    }

    @Test
    void a_copy_of_a_check_in_answered_from_the_index_is_refused_after_its_batch_was_written() {
        VerifyRequest request = client.verifyRequest();
        long sequence = client.lastSequence() + 1;
        byte[] signed = RequestSignature.signedBytes("POST", "/v1/verify", client.clientId(), sequence,
                Json.write(request));
        ClientCredentials credentials = ClientCredentials.maced(client.clientId(), sequence,
                RequestMac.mac(KEY, signed), signed, "", 1);
        assertThat(currentLease(indexed.verify(credentials, request))).isEqualTo(client.leaseId());
        contacts.flush();

        assertThatThrownBy(() -> indexed.verify(credentials, request)).isInstanceOf(ReplayedRequestException.class);
    }

    @Test
    void a_client_revoked_by_an_administrator_is_answered_revoked_at_its_next_check_in() {
        indexed.revoke("CORP\\PC1", "stolen laptop", ADMIN);

        assertThat(client.verifyWithMac(indexed, 1, KEY)).isInstanceOf(CheckInAnswer.Revoked.class);
    }

    @Test
    void a_released_seat_is_not_kept_from_the_entry() {
        indexed.release("CORP\\PC1", "moved to another team", ADMIN);

        CheckInAnswer answer = client.verifyWithMac(indexed, 1, KEY);

        assertThat(currentLease(answer)).as("decided again by the store, not kept").isNull();
    }

    @Test
    void a_computer_another_client_took_over_is_no_longer_the_old_clients() {
        indexed.rekey("CORP\\PC1", "re-imaged", ADMIN);
        TestClient reinstalled = TestClient.named("CORP\\PC1").keepingCurrentLease();
        reinstalled.register(indexed);

        assertThatThrownBy(() -> client.verifyWithMac(indexed, 1, KEY)).isInstanceOf(UnknownClientException.class);
        assertThat(currentLease(reinstalled.verifyWithMac(indexed, 1, KEY))).isEqualTo(reinstalled.leaseId());
    }

    @Test
    void new_license_terms_are_honoured_at_the_next_check_in() {
        Instant sooner = fixture.clock.instant().plus(Duration.ofDays(3));
        indexed.importLicense(fixture.vendor.license("SEATS-1", 5, fixture.clock.instant(), sooner), ADMIN);

        CheckInAnswer answer = client.verifyWithMac(indexed, 1, KEY);

        assertThat(currentLease(answer)).as("its lease outlives the license now: a new one is signed").isNull();
        SignedDocument lease = ((CheckInAnswer.Licensed) answer).lease();
        assertThat(Json.read(lease.unverifiedPayload(), LeasePayload.class).expiresAt()).isEqualTo(sooner);
    }

    @Test
    void a_license_that_ended_is_honoured_although_its_terms_are_cached() {
        client.verifyWithMac(indexed, 1, KEY);
        fixture.clock.advance(Duration.ofDays(400));

        CheckInAnswer answer = client.verifyWithMac(indexed, 1, KEY);

        assertThat(currentLease(answer)).isNull();
    }

    @Test
    void a_check_in_answered_at_once_reads_nothing_keeps_its_lease_and_is_written_with_the_batch() {
        int readsBefore = counted.reads.get();

        Optional<CheckInAnswer> answer = client.verifyAtOnceWithMac(indexed, 1, KEY);

        assertThat(answer).isPresent();
        assertThat(currentLease(answer.get())).isEqualTo(client.leaseId());
        assertThat(counted.reads).as("no store read").hasValue(readsBefore);
        assertWrittenWithTheBatch();
    }

    @Test
    void a_copy_of_a_check_in_answered_at_once_is_answered_neither_at_once_nor_by_verify() {
        TestClient.MacedCheckIn next = client.macedCheckIn(1, KEY);
        assertThat(indexed.verifyAtOnce(next.credentials(), next.request())).isPresent();

        assertThat(indexed.verifyAtOnce(next.credentials(), next.request())).isEmpty();
        assertThatThrownBy(() -> indexed.verify(next.credentials(), next.request()))
                .isInstanceOf(ReplayedRequestException.class);
        contacts.flush();
        assertThatThrownBy(() -> indexed.verify(next.credentials(), next.request()))
                .as("nor after its batch was written").isInstanceOf(ReplayedRequestException.class);
    }

    @Test
    void a_check_in_that_would_need_a_read_is_declined_without_one_and_leaves_no_claim_behind() {
        indexed.importLicense(fixture.vendor.license("SEATS-1", 6, LicensingFixture.START, LICENSE_ENDS), ADMIN);
        TestClient.MacedCheckIn next = client.macedCheckIn(1, KEY);
        int readsBefore = counted.reads.get();

        assertThat(indexed.verifyAtOnce(next.credentials(), next.request()))
                .as("a license was written since the index cached it").isEmpty();
        assertThat(counted.reads).hasValue(readsBefore);

        CheckInAnswer answer = indexed.verify(next.credentials(), next.request());
        assertThat(currentLease(answer)).as("the same request, decided by verify").isEqualTo(client.leaseId());
        assertThat(client.verifyAtOnceWithMac(indexed, 1, KEY)).as("with the license cached again").isPresent();
    }

    @Test
    void a_revoked_client_is_not_answered_at_once_and_verify_says_revoked() {
        indexed.revoke("CORP\\PC1", "stolen laptop", ADMIN);

        assertThat(client.verifyAtOnceWithMac(indexed, 1, KEY)).isEmpty();
        assertThat(client.verifyWithMac(indexed, 1, KEY)).isInstanceOf(CheckInAnswer.Revoked.class);
    }

    @Test
    void a_signed_check_in_and_a_client_without_an_entry_are_left_to_verify() {
        VerifyRequest request = client.verifyRequest();
        assertThat(indexed.verifyAtOnce(client.credentials("/v1/verify", request), request)).as("signed").isEmpty();

        TestClient newcomer = TestClient.named("CORP\\PC2").keepingCurrentLease();
        newcomer.register(indexed);
        assertThat(newcomer.verifyAtOnceWithMac(indexed, 1, KEY)).as("no entry yet").isEmpty();
        assertThat(index.known(newcomer.clientId())).as("and none made").isEmpty();
    }

    @Test
    void a_check_in_whose_mac_does_not_verify_is_refused_at_once_as_by_verify() {
        byte[] otherKey = OneCheckInKey.key().clone();
        otherKey[0] ^= 1;

        assertThatThrownBy(() -> client.verifyAtOnceWithMac(indexed, 1, otherKey))
                .isInstanceOf(SignatureRequiredException.class);
    }

    /** The client's last check-in, its sequence and its contact, is in the store once the batch was written. */
    private void assertWrittenWithTheBatch() {
        contacts.flush();
        assertThat(fixture.store().read(reads -> reads.client(client.clientId())).orElseThrow().lastSequence())
                .isEqualTo(client.lastSequence());
        assertThat(fixture.store().read(reads -> reads.computersOfClient(client.clientId())).get(0).lastContact())
                .isEqualTo(fixture.clock.instant());
    }

    private static String currentLease(CheckInAnswer answer) {
        return answer instanceof CheckInAnswer.Licensed licensed ? licensed.currentLease() : null;
    }

    /** The SQLite store, counting the reads the licensing core asks of it. */
    private static final class CountingReads extends ForwardingStore<SqliteStore> {
        private final AtomicInteger reads = new AtomicInteger();

        CountingReads(SqliteStore store) {
            super(store);
        }

        @Override
        public <T> T read(Function<LicensingReads, T> unit) {
            reads.incrementAndGet();
            return super.read(unit);
        }
    }
}
