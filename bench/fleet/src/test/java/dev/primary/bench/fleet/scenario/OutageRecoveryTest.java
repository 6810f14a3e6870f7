package dev.primary.bench.fleet.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutageRecoveryTest {
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
