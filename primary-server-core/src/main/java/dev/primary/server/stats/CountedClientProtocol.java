package dev.primary.server.stats;

import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.EnrollmentCheck;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.protocol.message.ReportRequest;
import dev.primary.protocol.message.VerifyRequest;
import dev.primary.server.licensing.ClientCredentials;
import dev.primary.server.licensing.ClientProtocol;
import java.util.Optional;

/**
 * The client protocol, counting in a {@link HourlyTally} every check-in, registration and report it answers. A
 * request refused with an exception (unauthenticated, replayed, store busy) is not counted: the counts are of
 * answers given.
 */
public final class CountedClientProtocol implements ClientProtocol {
    private final ClientProtocol protocol;
    private final HourlyTally tally;

    public CountedClientProtocol(ClientProtocol protocol, HourlyTally tally) {
        this.protocol = protocol;
        this.tally = tally;
    }

    @Override
    public Hello hello() {
        return protocol.hello();
    }

    @Override
    public CheckInAnswer register(ClientCredentials credentials, RegisterRequest request) {
        CheckInAnswer answer = protocol.register(credentials, request);
        tally.registration();
        return answer;
    }

    @Override
    public EnrollmentCheckAnswer checkEnrollment(EnrollmentCheck check) {
        return protocol.checkEnrollment(check);
    }

    @Override
    public CheckInAnswer verify(ClientCredentials credentials, VerifyRequest request) {
        CheckInAnswer answer = protocol.verify(credentials, request);
        tally.checkIn();
        return answer;
    }

    @Override
    public Optional<CheckInAnswer> verifyAtOnce(ClientCredentials credentials, VerifyRequest request) {
        Optional<CheckInAnswer> answer = protocol.verifyAtOnce(credentials, request);
        answer.ifPresent(given -> tally.checkIn());
        return answer;
    }

    @Override
    public void report(ClientCredentials credentials, ReportRequest request) {
        protocol.report(credentials, request);
        tally.report();
    }

    @Override
    public void authorizeDownload(ClientCredentials credentials, String sha256) {
        protocol.authorizeDownload(credentials, sha256);
    }
}
