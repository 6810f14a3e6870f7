package dev.primary.bench.micro;

import dev.primary.protocol.crypto.RequestSignature;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.RegisterRequest;
import dev.primary.server.licensing.ClientCredentials;
import dev.primary.server.licensing.Licensing;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * New clients' signed registrations, made before a trial (their keys, requests and signatures), so that a benchmark's
 * figure holds no client-side work; each call of {@link #registerNext} registers the next one.
 */
final class PreparedRegistrations {
    private final List<Registration> prepared;
    private final AtomicInteger next = new AtomicInteger();

    /** {@code count} registrations with enrollment token {@code token} ({@code ""}: none, open enrollment). */
    PreparedRegistrations(int count, String token) {
        prepared = IntStream.range(0, count).parallel().mapToObj(n -> Registration.of(n, token)).toList();
    }

    /**
     * Registers the next prepared client through {@code licensing}.
     *
     * @throws IllegalStateException when every prepared registration is used, or a new client was not licensed
     */
    CheckInAnswer registerNext(Licensing licensing) {
        int n = next.getAndIncrement();
        if (n >= prepared.size()) {
            throw new IllegalStateException("all " + prepared.size() + " prepared registrations are used; prepare more");
        }
        Registration registration = prepared.get(n);
        CheckInAnswer answer = licensing.register(new ClientCredentials(registration.clientId(), 1,
                registration.signature(), registration.signedBytes()), registration.request());
        if (!(answer instanceof CheckInAnswer.Licensed)) {
            throw new IllegalStateException("a new client was not licensed: " + answer);
        }
        return answer;
    }

    /** One new client's signed registration. */
    private record Registration(String clientId, RegisterRequest request, byte[] signedBytes, byte[] signature) {
        static Registration of(int n, String token) {
            SigningKey key = CheckInSamples.key(1_000_000L + n);
            String clientId = key.publicKey().keyId();
            RegisterRequest request = CheckInSamples.register(n, key, token);
            byte[] signed = RequestSignature.signedBytes("POST", "/v1/register", clientId, 1, Json.write(request));
            return new Registration(clientId, request, signed, key.sign(signed));
        }
    }
}
