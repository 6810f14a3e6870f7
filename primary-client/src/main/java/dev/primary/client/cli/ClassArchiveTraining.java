package dev.primary.client.cli;

import dev.primary.client.config.ConfiguredSettings;
import dev.primary.client.home.ClientHome;
import dev.primary.client.service.ClientState;
import dev.primary.client.service.ClientStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The class-archive training run: the launcher ({@code bin/.client-service-launcher}) starts {@code run} once with
 * {@value #VARIABLE}={@code 1} in a JVM that writes a class archive at its exit ({@code -XX:ArchiveClassesAtExit}),
 * before it starts the service itself, when the home has no archive for this class path and JDK. The training goes
 * through the service's real start-up and its first check-in, so that the archive holds the classes the service
 * uses, then stops: exit {@value #LICENSED} once a check-in answered with a lease and the (stand-in) Recorder ran,
 * {@value #NOT_LICENSED} when the first contact failed or did not license this computer, or nothing happened within
 * {@link #PATIENCE}; the launcher keeps the archive of a licensed training only.
 *
 * <p>Its check-in is a real one (the server counts it, the sequence and lease files are the home's), made under the
 * home's lock like the service's own. The Recorder it supervises is a stand-in ({@link ServiceRuntime#TRAINING_RECORDER}),
 * so that the real Recorder does not start and stop; it writes no log file. See docs/configuration.md, "The Client
 * Service's class archive".
 */
final class ClassArchiveTraining {
    static final String VARIABLE = "PRIMARY_CLIENT_CLASS_ARCHIVE_TRAINING";
    static final int LICENSED = 0;
    static final int NOT_LICENSED = 1;
    /**
     * How long the training waits for the outcome of its first contact: longer than one contact may take (a 10 s
     * connect and a 30 s request timeout), so that a slow server or a busy computer ends it with the contact's own
     * outcome, not with this bound. It ends as soon as the outcome is known.
     */
    static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final Duration POLL = Duration.ofMillis(100);

    private ClassArchiveTraining() {}

    /** Whether this start of {@code run} is the launcher's training run. */
    static boolean requested() {
        return "1".equals(System.getenv(VARIABLE));
    }

    static int run(ClientHome home, ConfiguredSettings.Overrides overrides) throws InterruptedException {
        Instant started = Instant.now();
        ServiceRuntime runtime = ServiceRuntime.startForClassArchiveTraining(home, overrides);
        // A stop (SIGTERM, passed on by the launcher) ends the training with its stand-in Recorder, as for the service.
        Thread stopOnShutdown = new Thread(() -> {
            runtime.stop();
            try {
                runtime.awaitStopped(); // stopped already by the training's own end, or by this stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "class-archive-training-stop");
        Runtime.getRuntime().addShutdownHook(stopOnShutdown);
        try {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<Outcome> outcome = runtime.status(POLL).flatMap(status -> outcome(status, started));
                if (outcome.isPresent()) {
                    return outcome.get() == Outcome.LICENSED ? LICENSED : NOT_LICENSED;
                }
                Thread.sleep(POLL.toMillis());
            }
            return NOT_LICENSED;
        } finally {
            runtime.stop();
        }
    }

    /** What a training's first contact came to. */
    enum Outcome { LICENSED, NOT_LICENSED }

    /**
     * What the training's first contact came to, once it is over: licensed when a check-in since {@code started}
     * succeeded, the service is licensed and its Recorder runs; not licensed when a contact since then failed or
     * ended in another state.
     */
    static Optional<Outcome> outcome(ClientStatus status, Instant started) {
        boolean contacted = status.lastSuccessfulContact() != null && !status.lastSuccessfulContact().isBefore(started);
        boolean attempted = status.lastAttempt() != null && !status.lastAttempt().isBefore(started);
        if (contacted && status.state() == ClientState.LICENSED && status.recorderRunning()) {
            return Optional.of(Outcome.LICENSED);
        }
        if (attempted && !contacted) {
            return Optional.of(Outcome.NOT_LICENSED); // the first contact failed
        }
        if (contacted && status.state() != ClientState.LICENSED) {
            return Optional.of(Outcome.NOT_LICENSED); // answered, but waiting, refused or revoked
        }
        return Optional.empty();
    }
}
