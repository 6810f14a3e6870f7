package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.ScriptedServer;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.VerifyRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check-in answered "keep your current lease": the client keeps, and still verifies, the lease it holds. */
class ClientServiceLeaseKeptTest {
    @TempDir
    Path home;

    private static ScriptedServer.Answerer keeping(long verifyAfterSeconds) {
        return call -> CheckInAnswer.Licensed.keeping(((VerifyRequest) call.request()).leaseId(), verifyAfterSeconds,
                List.of(), null);
    }

    @Test
    void a_check_in_says_it_keeps_its_lease_and_a_kept_lease_stays_on_disk_and_in_use() throws Exception {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        SignedDocument first = harness.storedLease();
        harness.server().answer(keeping(14400));

        harness.advance(Duration.ofHours(4));

        List<ScriptedServer.Call> verifies = harness.server().calls("verify");
        assertThat(verifies).hasSize(1);
        VerifyRequest request = (VerifyRequest) verifies.get(0).request();
        assertThat(request.keepsCurrentLease()).as("the client says it can keep its lease").isTrue();
        assertThat(harness.storedLease()).as("the lease on disk is unchanged").isEqualTo(first);
        assertThat(harness.status().state()).isEqualTo(ClientState.LICENSED);
        assertThat(harness.recorder.running()).isTrue();
        assertThat(harness.status().leaseExpiresAt()).isEqualTo(ServiceHarness.START.plus(Duration.ofDays(7)));

        harness.advance(Duration.ofHours(4));
        assertThat(harness.server().calls("verify")).as("the next check-in follows verifyAfterSeconds").hasSize(2);
    }

    @Test
    void a_kept_lease_still_verifies_offline_at_the_next_start_and_runs_until_it_expires() throws Exception {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        harness.server().answer(keeping(14400));
        harness.advance(Duration.ofHours(4));
        harness.server().goDown();

        harness.restart();

        assertThat(harness.recorder.running()).as("the kept lease verifies offline").isTrue();
        harness.advance(Duration.ofDays(7));
        assertThat(harness.recorder.running()).as("it is still the first lease: it ends a week after its issue")
                .isFalse();
    }

    @Test
    void an_answer_to_keep_a_lease_the_client_does_not_hold_is_not_used() throws Exception {
        ServiceHarness harness = new ServiceHarness(home);
        harness.server().answer(harness.licensing());
        harness.start();
        SignedDocument first = harness.storedLease();
        harness.server().answer(call -> CheckInAnswer.Licensed.keeping("someOtherLeaseId000000", 14400, List.of(),
                null));

        harness.advance(Duration.ofHours(4));

        assertThat(harness.status().reason()).contains("keep lease someOtherLeaseId000000");
        assertThat(harness.storedLease()).as("the held lease is left as it is").isEqualTo(first);
        assertThat(harness.recorder.running()).isTrue();
        assertThat(harness.server().calls("verify").size()).isGreaterThan(0);
        int before = harness.server().calls("verify").size();
        harness.advance(Duration.ofHours(1));
        assertThat(harness.server().calls("verify").size()).as("it asks again after the failure back-off")
                .isGreaterThan(before);
    }
}
