package dev.primary.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.server.licensing.Licensing;
import dev.primary.server.testing.LicensingFixture;
import dev.primary.server.testing.TestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentRegistrationTest {
    static final int THREADS = 64;
    static final int COMPUTERS = 300;
    static final int SEATS = 50;

    @TempDir
    Path directory;

    @Test
    void sixty_four_threads_registering_300_computers_for_50_seats_license_exactly_50() throws Exception {
        try (LicensingFixture fixture = new LicensingFixture(directory)) {
            fixture.activeLicense("ABC-123", SEATS);
            Licensing server = fixture.licensing();
            List<CheckInAnswer> answers = registerAll(server);

            assertThat(answers).filteredOn(CheckInAnswer.Licensed.class::isInstance).hasSize(SEATS);
            List<Integer> places = answers.stream().filter(CheckInAnswer.WaitingForSeat.class::isInstance)
                    .map(answer -> ((CheckInAnswer.WaitingForSeat) answer).queuePosition()).sorted().toList();
            assertThat(places).as("every waiting computer has its own place in line")
                    .isEqualTo(IntStream.rangeClosed(1, COMPUTERS - SEATS).boxed().toList());
            assertCounts(server);
            assertThat(fixture.store().commits()).as("writes were committed in groups")
                    .isLessThan(fixture.store().writesCommitted());

            fixture.reopen();

            assertCounts(fixture.licensing());
        }
    }

    private static List<CheckInAnswer> registerAll(Licensing server) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CheckInAnswer>> pending = new ArrayList<>();
            for (int i = 0; i < COMPUTERS; i++) {
                TestClient client = TestClient.named("CORP\\PC" + i);
                pending.add(threads.submit(() -> {
                    start.await();
                    return client.register(server);
                }));
            }
            start.countDown();
            List<CheckInAnswer> answers = new ArrayList<>();
            for (Future<CheckInAnswer> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertCounts(Licensing server) {
        assertThat(server.summary()).isEqualTo(new LicenseSummary(SEATS, SEATS, SEATS, 0, COMPUTERS - SEATS));
        assertThat(server.licenses().get(0).used()).isEqualTo(SEATS);
        assertThat(server.computers(new ComputerQuery("", ComputerState.LICENSED, null, false, 0, 1)).total())
                .isEqualTo(SEATS);
        assertThat(server.computers(new ComputerQuery("", ComputerState.WAITING, null, false, 0, 1)).total())
                .isEqualTo(COMPUTERS - SEATS);
        assertThat(server.license("ABC-123").seats()).hasSize(SEATS);
    }
}
