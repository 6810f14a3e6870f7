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
    /** The sample Recorder's log in the home, as {@code bin/deployment-utility} configures it by default. */
    private static final String RECORDER_LOG = "recorder.log";

    private ClientIdle() {}

    /**
     * The Client Service's JVM: {@code bin/client-service run} runs it as the child of a small shell launcher (which
     * restarts it into new versions), so the JVM is the launcher's java child; the process itself when it is Java.
     */
    private static long serviceJvm(Process client) {
        return client.toHandle().children()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(client.pid());
    }

    /** One start measured: peak and final resident memory, its anonymous and file-backed parts, threads, CPU. */
    record Sample(long peakBytes, long residentBytes, long anonymousBytes, long fileBytes, int threads,
            double cpuSeconds) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "%,d kB (anon %,d kB, file %,d kB, %d threads, %.3f CPU-s)",
                    peakBytes / 1024, anonymousBytes / 1024, fileBytes / 1024, threads, cpuSeconds);
        }
    }

    /**
     * The shipped configuration only, once: see {@link #measure(Path, ManagedServer, Path, Duration, Duration, int,
     * Map)}.
     */
    public static ScenarioResult measure(Path repository, ManagedServer server, Path work, Duration settle,
            Duration window) {
        return measure(repository, server, work, settle, window, 1, Map.of());
    }

    /**
     * Starts the Client Service {@code rounds} times as shipped and, in each round, once more for every variant
     * (the launcher's options plus the variant's, through {@code PRIMARY_JAVA_OPTS}, which come after the launcher's
     * and so win), each in turn on a fresh installation. The result is the median of the shipped starts; the notes
     * hold every start and each variant's median, so that one run compares them on equal terms.
     *
     * @param repository the project's root (its {@code bin/} launchers, built beforehand)
     * @param settle how long to wait after the license before measuring (start-up work done, heap shrunk)
     * @param window the quiet window whose CPU time is measured
     * @param rounds starts of each configuration
     * @param variants label to extra JVM options, measured beside the shipped configuration
     */
    public static ScenarioResult measure(Path repository, ManagedServer server, Path work, Duration settle,
            Duration window, int rounds, Map<String, String> variants) {
        if (rounds < 1) {
            throw new IllegalArgumentException("client idle needs at least one round");
        }
        Map<String, String> configurations = new LinkedHashMap<>();
        configurations.put(SHIPPED, "");
        configurations.putAll(variants);
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        configurations.keySet().forEach(label -> samples.put(label, new java.util.ArrayList<>()));
        String token = server.createEnrollmentToken("client-idle");
        int start = 0;
        for (Path archive : missingArchives(variants)) {
            start++;
            Path training = work.resolve("training-" + start);
            measureOnce(repository, training, install(repository, server, training, token), "training",
                    "-XX:ArchiveClassesAtExit=" + archive, settle, Duration.ZERO);
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the training start wrote no class archive " + archive);
            }
            notes.put("training start", "licensed, settled, stopped: wrote " + archive);
        }
        configurations.keySet().forEach(label -> samples.put(label + FIRST_START, new java.util.ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, String> configuration : configurations.entrySet()) {
                start++;
                Path installation = work.resolve("start-" + start);
                Path home = install(repository, server, installation, token);
                samples.get(configuration.getKey() + FIRST_START).add(measureOnce(repository, installation, home,
                        "first-start", configuration.getValue(), settle, window));
                String key = "launcher, first start " + configuration.getKey() + " (round " + round + ")";
                launcherSays(installation.resolve("first-start.out"), "class archive").ifPresent(line ->
                        notes.put(key, line));
                samples.get(configuration.getKey()).add(measureOnce(repository, installation, home, "second-start",
                        configuration.getValue(), settle, window));
            }
        }
        notes.put("measured", "bin/client-service run (the launcher's JVM options), licensed, sample Recorder running;"
                + " each configuration's figure is its second start on one installation, the first start (whose"
                + " launcher makes the class archive by a training run first) is noted beside it");
        notes.put("settleSeconds", Long.toString(settle.toSeconds()));
        notes.put("rounds", Integer.toString(rounds));
        Sample shipped = median(samples.get(SHIPPED));
        notes.put("cpuSecondsInWindow", String.format(java.util.Locale.ROOT, "%.3f", shipped.cpuSeconds()));
        samples.forEach((label, measured) -> {
            Sample median = median(measured);
            notes.put("median: " + label + " " + configurations.get(label.replace(FIRST_START, "")), median.describe());
            for (int round = 0; round < measured.size(); round++) {
                notes.put("round " + (round + 1) + ": " + label, measured.get(round).describe());
            }
        });
        double seconds = window.toMillis() / 1e3;
        return new ScenarioResult("client-idle", 1, false, 0, 0, seconds, 0, null, Map.of(),
                new ScenarioResult.ServerUsage(shipped.cpuSeconds(), shipped.cpuSeconds() * 100 / seconds,
                        shipped.peakBytes(), shipped.residentBytes()), null, notes);
    }

    /** The first line of a start's output that the launcher wrote about {@code topic}, if any. */
    static java.util.Optional<String> launcherSays(Path output, String topic) {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("client-service launcher:") && line.contains(topic)).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The label of the configuration as shipped (the launcher's options alone). */
    public static final String SHIPPED = "as shipped";
    /** Appended to a configuration's label for its first start after the installation (the archive made just before). */
    static final String FIRST_START = ", first start";

    /** The start whose peak resident memory is the median (the lower middle one of an even count). */
    static Sample median(List<Sample> measured) {
        List<Sample> sorted = new java.util.ArrayList<>(measured);
        sorted.sort(java.util.Comparator.comparingLong(Sample::peakBytes));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** A new installation by {@code bin/deployment-utility}: its home. */
    private static Path install(Path repository, ManagedServer server, Path work, String token) {
        Path home = work.resolve("client-idle");
        run(repository, List.of("bin/deployment-utility", "--server", server.host(), "--port",
                Integer.toString(server.clientPort()), "--out", home.toString(), "--computer-name",
                "IDLE-" + work.getFileName(), "--nudge-port", "0", "--enrollment-token", token),
                work.resolve("deployment-utility.out"), Map.of());
        return home;
    }

    /** One start of the installed service in {@code home}, measured; its output goes to {@code work/NAME.out}. */
    private static Sample measureOnce(Path repository, Path work, Path home, String name, String extraOptions,
            Duration settle, Duration window) {
        try {
            Files.deleteIfExists(home.resolve(RECORDER_LOG)); // so that a "recording" line is this start's
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process client = start(repository, List.of("bin/client-service", "run", "--home", home.toString()),
                work.resolve(name + ".out"), Map.of("PRIMARY_JAVA_OPTS", extraOptions));
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
            Map<String, Long> status = status(service);
            return new Sample(peak, after.residentBytes(), status.getOrDefault("RssAnon", 0L) * 1024,
                    status.getOrDefault("RssFile", 0L) * 1024, status.getOrDefault("Threads", 0L).intValue(),
                    after.cpuSince(before).toNanos() / 1e9);
        } finally {
            // The JVM first (a normal exit, so that a training start writes its class archive), then its launcher.
            ProcessHandle.of(serviceJvm(client)).ifPresent(jvm -> {
                jvm.destroy();
                jvm.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(failure -> jvm).join();
            });
            client.destroy();
            try {
                client.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            client.destroyForcibly();
        }
    }

    /**
     * The class archives ({@code -XX:SharedArchiveFile=PATH}) that variants name and that do not exist yet: a
     * training start (licensed, settled, stopped) writes each one with {@code -XX:ArchiveClassesAtExit} first.
     */
    static List<Path> missingArchives(Map<String, String> variants) {
        return variants.values().stream().flatMap(options -> java.util.Arrays.stream(options.trim().split("\\s+")))
                .filter(option -> option.startsWith(SHARED_ARCHIVE))
                .map(option -> Path.of(option.substring(SHARED_ARCHIVE.length())).toAbsolutePath()).distinct()
                .filter(archive -> !Files.exists(archive)).toList();
    }

    private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";

    /** The numeric fields of {@code /proc/<pid>/status} (kB for sizes). */
    private static Map<String, Long> status(long pid) {
        Map<String, Long> fields = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                int colon = line.indexOf(':');
                String value = line.substring(colon + 1).replace("kB", "").trim();
                if (colon > 0 && value.matches("\\d+")) {
                    fields.put(line.substring(0, colon), Long.parseLong(value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status of process " + pid, e);
        }
        return fields;
    }

    private static void waitLicensed(Path home, Process client) {
        long deadline = System.nanoTime() + LICENSED_WITHIN.toNanos();
        Path state = home.resolve("state.json");
        Path recorderLog = home.resolve(RECORDER_LOG);
        while (System.nanoTime() < deadline) {
            if (!client.isAlive()) {
                throw new IllegalStateException("the Client Service exited with " + client.exitValue());
            }
            try {
                // licensed, and the Recorder (which runs only when licensed) started by this start
                if (Files.exists(state) && Files.readString(state, StandardCharsets.UTF_8).contains("\"licensed\"")
                        && Files.exists(recorderLog)
                        && Files.readString(recorderLog, StandardCharsets.UTF_8).contains("recording")) {
                    return;
                }
            } catch (IOException e) {
                // being rewritten; read again
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the Client Service was not licensed within " + LICENSED_WITHIN.toSeconds() + " s");
    }

    private static void run(Path repository, List<String> command, Path output, Map<String, String> environment) {
        Process process = start(repository, command, output, environment);
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

    private static Process start(Path repository, List<String> command, Path output,
            Map<String, String> environment) {
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("PRIMARY_SKIP_BUILD", "1");
            builder.environment().putAll(environment);
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
