package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.message.CheckInAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients registering all at once while a server is killed: the last third starts only once the kill is done (and
 * retries until it is answered), so the storm surely spans the kill however the machine schedules the threads; the
 * rest race as they come, some of them in flight when it dies. Waits on events (answers, the kill), never on time.
 */
final class StormAcrossKill {
    /** One client's registration, retried until some server answers it. */
    interface Registration {
        CheckInAnswer untilAnswered(ProtocolClient client) throws Exception;
    }

    /** What happens to the servers: the kill, and what follows once the last third has started. */
    interface Step {
        Step NOTHING = () -> { };

        void run() throws Exception;
    }

    private StormAcrossKill() {}

    /**
     * Runs the storm on {@code threads} threads, runs {@code kill} once a third of the clients were answered, lets the
     * last third start, then runs {@code afterwards} (a restart, say: those clients meet the server down first), and
     * answers each client's answer by its id.
     */
    static Map<String, CheckInAnswer> run(List<ProtocolClient> clients, int threads, Registration registration,
            Step kill, Step afterwards) throws Exception {
        Map<String, CheckInAnswer> answers = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch killed = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                ProtocolClient client = clients.get(i);
                boolean afterKill = i >= clients.size() - clients.size() / 3;
                running.add(pool.submit(() -> {
                    if (afterKill) {
                        killed.await();
                    }
                    answers.put(client.clientId(), registration.untilAnswered(client));
                    answered.incrementAndGet();
                    return null;
                }));
            }
            while (answered.get() < clients.size() / 3) {
                Thread.sleep(5);
            }
            kill.run();
            int answeredBeforeKill = answered.get();
            killed.countDown();
            afterwards.run();
            for (Future<?> future : running) {
                future.get(3, TimeUnit.MINUTES);
            }
            assertThat(answeredBeforeKill).isLessThan(clients.size());
        } finally {
            pool.shutdownNow();
        }
        return answers;
    }
}
