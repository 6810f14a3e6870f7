package dev.primary.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.server.computer.Computer;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import dev.primary.server.testing.WithLicensingFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sequence claims and deferred contacts of {@link ContactBatch}, alone and under many threads at once. */
class ContactBatchTest extends WithLicensingFixture {
    private static final ContactBatch.Limits TWO_CLIENTS = new ContactBatch.Limits(Duration.ofSeconds(2), 2);
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private ContactBatch batch(ContactBatch.Limits limits) {
        return ContactBatch.manual(fixture.store(), limits);
    }

    @Test
    void a_sequence_not_above_one_held_is_refused_while_its_claim_is_open() {
        ContactBatch batch = batch(ContactBatch.Limits.DEFAULT);
        ContactBatch.Claim first = batch.claim("client-a", 5);

        assertThatThrownBy(() -> batch.claim("client-a", 5)).isInstanceOf(ReplayedRequestException.class);
        assertThatThrownBy(() -> batch.claim("client-a", 4)).isInstanceOf(ReplayedRequestException.class);
        ContactBatch.Claim next = batch.claim("client-a", 6);
        assertThat(batch.claim("client-b", 5).deferrable()).as("another client's sequences are its own").isTrue();
        first.close();
        assertThatThrownBy(() -> batch.claim("client-a", 6)).as("held while any claim is open")
                .isInstanceOf(ReplayedRequestException.class);
        next.close();

        assertThat(batch.claim("client-a", 3).deferrable())
                .as("with no claim open and nothing deferred the client is forgotten; the store decides").isTrue();
    }

    @Test
    void a_deferred_contact_keeps_its_sequence_held_until_the_flush_wrote_it() {
        fixture.activeLicense("SEATS-1", 5);
        TestClient client = TestClient.named("CORP\\QUIET");
        client.register(server);
        long computerId = computerOf(client).id();
        ContactBatch batch = batch(ContactBatch.Limits.DEFAULT);
        long sequence = client.lastSequence() + 1;
        Instant at = LicensingFixture.START.plus(Duration.ofMinutes(7));

        try (ContactBatch.Claim claim = batch.claim(client.clientId(), sequence)) {
            claim.defer(computerId, at);
        }

        assertThat(batch.pending()).isEqualTo(1);
        assertThatThrownBy(() -> batch.claim(client.clientId(), sequence)).isInstanceOf(ReplayedRequestException.class);
        batch.flush();
        assertThat(batch.pending()).isZero();
        assertThat(computerOf(client).lastContact()).isEqualTo(at);
        assertThat(fixture.store().read(reads -> reads.client(client.clientId())).orElseThrow().lastSequence())
                .isEqualTo(sequence);
    }

    @Test
    void at_most_max_clients_are_held_and_a_client_beyond_them_is_claimed_untracked() {
        ContactBatch batch = batch(TWO_CLIENTS);
        ContactBatch.Claim a = batch.claim("client-a", 1);
        ContactBatch.Claim b = batch.claim("client-b", 1);

        ContactBatch.Claim c = batch.claim("client-c", 1);
        assertThat(a.deferrable()).isTrue();
        assertThat(b.deferrable()).isTrue();
        assertThat(c.deferrable()).as("over the bound: takes the durable way").isFalse();
        assertThat(batch.claim("client-c", 1).deferrable()).as("not held here, so not refused here").isFalse();
        c.close();
        a.close();

        assertThat(batch.claim("client-c", 2).deferrable()).as("a place came free").isTrue();
        assertThat(batch.claim("client-a", 2).deferrable()).as("the bound is full again").isFalse();
    }

    @Test
    void copies_of_one_clients_requests_raced_from_many_threads_each_pass_at_most_once_in_rising_order()
            throws Exception {
        ContactBatch batch = batch(ContactBatch.Limits.DEFAULT);
        int sequences = 2_000;
        Set<Long> passed = ConcurrentHashMap.newKeySet();
        AtomicInteger passes = new AtomicInteger();
        List<ContactBatch.Claim> open = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> copies = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            copies.add(threads.submit(() -> {
                start.await();
                for (long sequence = 1; sequence <= sequences; sequence++) {
                    try {
                        open.add(batch.claim("client-a", sequence));
                        passed.add(sequence);
                        passes.incrementAndGet();
                    } catch (ReplayedRequestException refused) {
                        // another copy, or a higher sequence, got there first
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> copy : copies) {
            copy.get(30, TimeUnit.SECONDS);
        }

        assertThat(passes.get()).as("no sequence passed twice").isEqualTo(passed.size());
        assertThat(passed).contains((long) sequences);
        assertThatThrownBy(() -> batch.claim("client-a", sequences)).isInstanceOf(ReplayedRequestException.class);
        open.forEach(ContactBatch.Claim::close);
        assertThat(batch.claim("client-a", 1).deferrable()).as("every claim closed: forgotten").isTrue();
    }

    @Test
    void the_bound_on_clients_holds_exactly_when_many_threads_claim_at_once() throws Exception {
        ContactBatch batch = batch(new ContactBatch.Limits(Duration.ofSeconds(2), 1_000));
        AtomicInteger tracked = new AtomicInteger();
        List<ContactBatch.Claim> open = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> claimers = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int first = thread * 500;
            claimers.add(threads.submit(() -> {
                start.await();
                for (int client = first; client < first + 500; client++) {
                    ContactBatch.Claim claim = batch.claim("client-" + client, 1);
                    open.add(claim);
                    if (claim.deferrable()) {
                        tracked.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> claimer : claimers) {
            claimer.get(30, TimeUnit.SECONDS);
        }

        assertThat(tracked.get()).isEqualTo(1_000);
        open.forEach(ContactBatch.Claim::close);
        assertThat(batch.claim("client-new", 1).deferrable()).as("all places free again").isTrue();
    }

    private Computer computerOf(TestClient client) {
        return fixture.store().read(reads -> reads.computersOfClient(client.clientId())).get(0);
    }
}
