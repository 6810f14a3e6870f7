package dev.primary.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Client Service's idle footprint, measured as users run it: installed by {@code bin/deployment-utility}
 * against a managed server with an enrollment token made for it, started by {@code bin/client-service} (so with the launcher's own JVM options),
 * supervising the sample Recorder; once licensed and settled, its resident memory and the CPU it uses
 * over a quiet window (no check-in is due: the verify interval is four hours).
 */
public final class ClientIdle {
    private static final Duration LICENSED_WITHIN = Duration.ofSeconds(60);

    private ClientIdle() {}

    /**
     * @param repository the project's root (its {@code bin/} launchers, built beforehand)
     * @param settle how long to wait after the license before measuring (start-up work done, heap shrunk)
     * @param window the quiet window whose CPU time is measured
     */
    /**
     * The Client Service's JVM: {@code bin/client-service run} runs it as the child of a small shell launcher (which
     * restarts it into new versions), so the JVM is the launcher's java child; the process itself when it is Java.
     */
    private static long serviceJvm(Process client) {
        return client.toHandle().children()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(client.pid());
    }

    public static ScenarioResult measure(Path repository, ManagedServer server, Path work, Duration settle,
            Duration window) {
        Path home = work.resolve("client-idle");
        String token = server.createEnrollmentToken("client-idle");
        run(repository, List.of("bin/deployment-utility", "--server", server.host(), "--port",
                Integer.toString(server.clientPort()), "--out", home.toString(), "--computer-name", "IDLE-1",
                "--nudge-port", "0", "--enrollment-token", token), work.resolve("deployment-utility.out"));
        Process client = start(repository, List.of("bin/client-service", "run", "--home", home.toString()),
                work.resolve("client-service.out"));
        try {
            waitLicensed(home, client);
            sleep(settle);
            long service = serviceJvm(client);
            ProcessUsage before = ProcessUsage.of(service);
            long peak = before.residentBytes();
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(500));
                peak = Math.max(peak, ProcessUsage.of(service).residentBytes());
            }
            ProcessUsage after = ProcessUsage.of(service);
            double cpuSeconds = after.cpuSince(before).toNanos() / 1e9;
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("measured", "bin/client-service run (the launcher's JVM options), licensed, sample Recorder running");
            notes.put("settleSeconds", Long.toString(settle.toSeconds()));
            notes.put("cpuSecondsInWindow", String.format("%.3f", cpuSeconds));
            return new ScenarioResult("client-idle", 1, false, 0, 0, window.toMillis() / 1e3, 0, null, Map.of(),
                    new ScenarioResult.ServerUsage(cpuSeconds, cpuSeconds * 100 / (window.toMillis() / 1e3), peak,
                            after.residentBytes()), null, notes);
        } finally {
            client.destroy();
            try {
                client.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            client.destroyForcibly();
        }
    }

    private static void waitLicensed(Path home, Process client) {
        long deadline = System.nanoTime() + LICENSED_WITHIN.toNanos();
        Path state = home.resolve("state.json");
        while (System.nanoTime() < deadline) {
            if (!client.isAlive()) {
                throw new IllegalStateException("the Client Service exited with " + client.exitValue());
            }
            try {
                if (Files.exists(state) && Files.readString(state, StandardCharsets.UTF_8).contains("\"licensed\"")) {
                    return;
                }
            } catch (IOException e) {
                // being rewritten; read again
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the Client Service was not licensed within " + LICENSED_WITHIN.toSeconds() + " s");
    }

    private static void run(Path repository, List<String> command, Path output) {
        Process process = start(repository, command, output);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed; see " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Process start(Path repository, List<String> command, Path output) {
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("PRIMARY_SKIP_BUILD", "1");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
