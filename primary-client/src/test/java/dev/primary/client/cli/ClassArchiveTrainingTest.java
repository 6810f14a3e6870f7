package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.cli.ClassArchiveTraining.Outcome;
import dev.primary.client.service.ClientState;
import dev.primary.client.service.ClientStatus;
import dev.primary.protocol.message.Version;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the launcher's training run stops, and whether it counts as licensed (the launcher keeps only that archive). */
class ClassArchiveTrainingTest {
    private static final Instant STARTED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant BEFORE = STARTED.minusSeconds(3600);
    private static final Instant AFTER = STARTED.plusSeconds(2);

    @Test
    void a_check_in_since_the_start_that_licensed_and_started_the_recorder_is_licensed() {
        assertThat(ClassArchiveTraining.outcome(status(ClientState.LICENSED, AFTER, AFTER, true), STARTED))
                .contains(Outcome.LICENSED);
    }

    @Test
    void a_lease_from_an_earlier_run_is_not_enough_the_training_waits_for_its_own_check_in() {
        assertThat(ClassArchiveTraining.outcome(status(ClientState.LICENSED, BEFORE, BEFORE, true), STARTED)).isEmpty();
    }

    @Test
    void licensed_but_the_recorder_not_started_yet_makes_it_wait() {
        assertThat(ClassArchiveTraining.outcome(status(ClientState.LICENSED, AFTER, AFTER, false), STARTED)).isEmpty();
    }

    @Test
    void a_failed_first_contact_ends_it_as_not_licensed() {
        assertThat(ClassArchiveTraining.outcome(status(ClientState.UNLICENSED, AFTER, null, false), STARTED))
                .contains(Outcome.NOT_LICENSED);
        assertThat(ClassArchiveTraining.outcome(status(ClientState.LICENSED, AFTER, BEFORE, true), STARTED))
                .as("the server unreachable while an earlier lease still holds").contains(Outcome.NOT_LICENSED);
    }

    @Test
    void an_answer_that_does_not_license_ends_it_as_not_licensed() {
        assertThat(ClassArchiveTraining.outcome(status(ClientState.WAITING, AFTER, AFTER, false), STARTED))
                .contains(Outcome.NOT_LICENSED);
    }

    @Test
    void before_any_attempt_it_waits() {
        assertThat(ClassArchiveTraining.outcome(status(ClientState.UNLICENSED, null, null, false), STARTED)).isEmpty();
    }

    private static ClientStatus status(ClientState state, Instant lastAttempt, Instant lastSuccess,
            boolean recorderRunning) {
        return new ClientStatus(state, "", "server:16770", "client-id", "PC-1", lastAttempt, lastSuccess, null, null,
                null, recorderRunning, new Version(1, 0, 0), null, 0);
    }
}
