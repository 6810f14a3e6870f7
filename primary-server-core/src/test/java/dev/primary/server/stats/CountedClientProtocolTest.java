package dev.primary.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.licensing.ClientCredentials;
import dev.primary.server.licensing.ClientProtocol;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CountedClientProtocolTest {
    private static final Instant HOUR = Instant.parse("2026-12-01T10:00:00Z");
    private static final CheckInAnswer ANSWER = new CheckInAnswer.Revoked("test", 60);

    private final HourlyTally tally = new HourlyTally(Clock.fixed(HOUR, ZoneOffset.UTC));

    @Test
    void a_check_in_answered_at_once_is_counted_once_and_a_declined_attempt_not_at_all() {
        CountedClientProtocol counted = new CountedClientProtocol(new AnswersOddSequencesAtOnce(), tally);

        assertThat(counted.verifyAtOnce(credentials(1), null)).hasValue(ANSWER);
        assertThat(counted.verifyAtOnce(credentials(2), null)).isEmpty();
        counted.verify(credentials(2), null);

        assertThat(tally.drain()).containsExactly(new HourCounts(HOUR, 2, 0, 0));
    }

    private static ClientCredentials credentials(long sequence) {
        return ClientCredentials.maced("client", sequence, new byte[32], new byte[0], "", 1);
    }

    /** A protocol that answers the check-ins of odd sequences at once and the others by verify. */
    private static final class AnswersOddSequencesAtOnce implements ClientProtocol {
        @Override
        public Hello hello() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CheckInAnswer register(ClientCredentials credentials, RegisterRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CheckInAnswer verify(ClientCredentials credentials, VerifyRequest request) {
            return ANSWER;
        }

        @Override
        public Optional<CheckInAnswer> verifyAtOnce(ClientCredentials credentials, VerifyRequest request) {
            return credentials.sequence() % 2 == 1 ? Optional.of(ANSWER) : Optional.empty();
        }

        @Override
        public void report(ClientCredentials credentials, ReportRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
