package dev.primary.bench.fleet.client;

import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.message.ComputerIdentity;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The simulated clients of one run, made up front (keys in parallel: a key costs about as much as a signature).
 * Computer names are {@code SIM-<run>-<n>} in the domain {@code FLEET}, so runs against one server never collide.
 */
public final class Fleet {
    static final String DOMAIN = "FLEET";

    private final String runId;
    private final List<SimulatedClient> clients;

    private Fleet(String runId, List<SimulatedClient> clients) {
        this.runId = runId;
        this.clients = clients;
    }

    /**
     * Makes {@code size} clients with fresh random keys, numbered from {@code firstIndex}.
     *
     * @param runId short run name, letters and digits, part of each computer name
     */
    public static Fleet create(String runId, int firstIndex, int size, ClientProfile profile) {
        Objects.requireNonNull(profile, "profile");
        if (runId == null || !runId.matches("[A-Za-z0-9]{1,20}")) {
            throw new IllegalArgumentException("run id must be 1-20 letters or digits, got " + runId);
        }
        if (size < 0 || firstIndex < 0) {
            throw new IllegalArgumentException("fleet size and first index cannot be negative");
        }
        SecureRandom seeds = new SecureRandom();
        List<SimulatedClient> clients = IntStream.range(firstIndex, firstIndex + size).parallel()
                .mapToObj(index -> new SimulatedClient(index, new SigningKey(seed(seeds)),
                        ComputerIdentity.computer("SIM-" + runId + "-" + index, DOMAIN), profile,
                        System::currentTimeMillis))
                .toList();
        return new Fleet(runId, clients);
    }

    private static byte[] seed(SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return seed;
    }

    public String runId() {
        return runId;
    }

    public List<SimulatedClient> clients() {
        return clients;
    }

    public int size() {
        return clients.size();
    }
}
