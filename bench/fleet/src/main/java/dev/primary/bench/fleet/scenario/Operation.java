package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.CheckInResult;
import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.fleet.metrics.ErrorKind;
import dev.primary.bench.fleet.transport.Answer;
import dev.primary.bench.fleet.transport.BodyMode;
import dev.primary.bench.fleet.transport.OutgoingRequest;
import dev.primary.protocol.json.MalformedJsonException;

/**
 * What a simulated client does in one exchange: the request it signs and how its 2xx answer is judged. Non-2xx
 * answers and transport failures are classified by the caller.
 */
public interface Operation {
    OutgoingRequest request(SimulatedClient client);

    BodyMode bodyMode();

    /** Judges a 2xx answer: null when the operation succeeded, else why not. */
    ErrorKind judge(SimulatedClient client, Answer answer);

    /** {@code POST /v1/register}: succeeds when the answer is {@code licensed} (a durable seat grant). */
    Operation REGISTER = checkIn(SimulatedClient::register);

    /** {@code POST /v1/verify}: succeeds when the answer is {@code licensed}. */
    Operation VERIFY = checkIn(SimulatedClient::verify);

    /** {@code POST /v1/verify} asking for a newly signed lease every time (a client before {@code keepsCurrentLease}). */
    Operation VERIFY_RENEWING = checkIn(SimulatedClient::verifyRenewing);

    /** {@code POST /v1/verify} with the client's check-in key (MAC) once it holds one, signed until then. */
    Operation VERIFY_WITH_CHECK_IN_KEY = checkIn(SimulatedClient::verifyWithCheckInKey);

    private static Operation checkIn(java.util.function.Function<SimulatedClient, OutgoingRequest> request) {
        return new Operation() {
            @Override
            public OutgoingRequest request(SimulatedClient client) {
                return request.apply(client);
            }

            @Override
            public BodyMode bodyMode() {
                return BodyMode.KEEP;
            }

            @Override
            public ErrorKind judge(SimulatedClient client, Answer answer) {
                return judgeCheckIn(client, answer);
            }
        };
    }

    /** A check-in answer: licensed is success; waiting or revoked are counted as such; anything else is protocol. */
    static ErrorKind judgeCheckIn(SimulatedClient client, Answer answer) {
        try {
            CheckInResult result = client.accept(answer.body());
            if (result.licensed()) {
                return null;
            }
            return CheckInResult.WAITING.equals(result.status()) ? ErrorKind.WAITING : ErrorKind.REVOKED;
        } catch (MalformedJsonException | IllegalArgumentException e) {
            return ErrorKind.PROTOCOL;
        }
    }

    /**
     * {@code GET /v1/packages/<sha256>}: succeeds when the whole package arrived (its bytes counted, not kept).
     */
    static Operation download(String sha256, long expectedBytes) {
        return new Operation() {
            @Override
            public OutgoingRequest request(SimulatedClient client) {
                return client.download(sha256);
            }

            @Override
            public BodyMode bodyMode() {
                return BodyMode.DISCARD;
            }

            @Override
            public ErrorKind judge(SimulatedClient client, Answer answer) {
                return answer.status() == 200 && answer.bodyBytes() == expectedBytes ? null : ErrorKind.PROTOCOL;
            }
        };
    }
}
