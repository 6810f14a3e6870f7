package dev.primary.bench.fleet.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutageRecoveryTest {
    @Test
    void clients_check_in_as_the_client_service_does_unless_told_to_sign_every_check_in() {
        OutageRecovery.Settings keys = new OutageRecovery.Settings(10, OutageRecovery.Setup.SEED,
                RetryPolicy.CLIENT_SERVICE, null, 4, java.time.Duration.ofSeconds(5), false, true, true);
        OutageRecovery.Settings signed = new OutageRecovery.Settings(10, OutageRecovery.Setup.SEED,
                RetryPolicy.CLIENT_SERVICE, null, 4, java.time.Duration.ofSeconds(5), false, true, false);

        assertThat(OutageRecovery.checkIn(keys)).isSameAs(Operation.VERIFY_WITH_CHECK_IN_KEY);
        assertThat(OutageRecovery.checkIn(signed)).isSameAs(Operation.VERIFY);
    }

    @Test
    void the_servers_first_answer_is_the_earlier_of_its_readiness_and_the_first_licensed_client() {
        assertThat(OutageRecovery.firstAnswerNanos(15_000, 9_000)).as("a storm slowed the readiness probe")
                .isEqualTo(9_000);
        assertThat(OutageRecovery.firstAnswerNanos(4_000, 4_500)).isEqualTo(4_000);
        assertThat(OutageRecovery.firstAnswerNanos(-1, 4_500)).as("never ready").isEqualTo(4_500);
        assertThat(OutageRecovery.firstAnswerNanos(4_000, -1)).as("nobody licensed").isEqualTo(4_000);
        assertThat(OutageRecovery.firstAnswerNanos(-1, -1)).isEqualTo(-1);
    }
}
