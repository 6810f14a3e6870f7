package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.client.ClientProfile;
import dev.primary.bench.fleet.client.SimulatedClient;
import dev.primary.bench.harness.FleetSeeder;
import dev.primary.bench.harness.ManagedServer;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A registered fleet written straight into the stopped managed server's database by {@link FleetSeeder} (licensed
 * computers {@code BENCH\PC-0000001} ... with leases), and the simulated clients that speak for them: each with the
 * seeded computer's own client key and lease id. Much faster than registering them one by one, when a scenario
 * is about something else (outage recovery), and done while the server is down anyway.
 */
final class SeededClients {
    private SeededClients() {}

    /** Seeds {@code count} licensed computers (the server must be stopped) and returns their clients. */
    static List<SimulatedClient> seed(RunContext context, ManagedServer server, int count) {
        if (server.isRunning()) {
            throw new IllegalStateException("the server must be stopped before its database is seeded");
        }
        long start = System.nanoTime();
        FleetSeeder.seed(server.dataDirectory(), ManagedTarget.LICENSE_SERIAL, count, count);
        int firstIndex = context.reserveClientNumbers(count);
        List<SimulatedClient> clients = IntStream.rangeClosed(1, count).parallel()
                .mapToObj(number -> client(firstIndex + number - 1, number))
                .toList();
        context.progress().printf("seeded %,d licensed computers into the stopped server in %.1f s%n", count,
                (System.nanoTime() - start) / 1e9);
        context.progress().flush();
        return clients;
    }

    private static SimulatedClient client(int index, int number) {
        SimulatedClient client = new SimulatedClient(index, FleetSeeder.clientKey(number),
                FleetSeeder.computer(number), ClientProfile.standard(), System::currentTimeMillis);
        client.holdLease(FleetSeeder.leaseId(number));
        return client;
    }
}
