package dev.primary.bench.fleet.scenario;

import dev.primary.bench.fleet.metrics.UsageReading;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.bench.harness.HelloWorldMain;
import dev.primary.protocol.tls.TlsPin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The hello-world endpoint in a child JVM ({@link HelloWorldMain}, on the simulator's own class path): a ceiling
 * with the process boundary the real server has, and with its own CPU and memory figures, apart from the
 * simulator's.
 */
public final class HelloWorldProcess implements ServerTarget {
    /** The longest wait for the child to listen: a JVM's start and a TLS context, with room for a busy machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Endpoint endpoint;
    private final List<String> jvmOptions;

    private HelloWorldProcess(Process process, Endpoint endpoint, List<String> jvmOptions) {
        this.process = process;
        this.endpoint = endpoint;
        this.jvmOptions = jvmOptions;
    }

    /** Starts the child with {@code jvmOptions} and waits for the line that says where it listens. */
    public static HelloWorldProcess start(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HelloWorldMain.class.getName()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the hello-world JVM: " + e.getMessage(), e);
        }
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(output));
        try {
            String[] words = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS).split(" ");
            drain(output);
            return new HelloWorldProcess(process, new Endpoint("127.0.0.1", Integer.parseInt(words[1]),
                    new TlsPin(words[2])), List.copyOf(jvmOptions));
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the hello-world JVM did not listen within " + START_TIMEOUT.toSeconds()
                    + " s", e);
        } catch (ExecutionException | RuntimeException e) {
            process.destroyForcibly();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("the hello-world JVM did not start: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the hello-world JVM started", e);
        }
    }

    /**
     * The child's line {@code hello-world <port> <pin>}; lines before it (a log) are skipped. Fails when the child's
     * output ends first.
     */
    private static String readyLine(BufferedReader output) {
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                String[] words = line.strip().split(" ");
                if (words.length == 3 && words[0].equals(HelloWorldMain.READY)) {
                    return line.strip();
                }
            }
            throw new IllegalStateException("it ended before it listened");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whatever else the child prints (its log) is read and dropped, so that it never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread drainer = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // dropped
                }
            } catch (IOException ended) {
                // the child is gone
            }
        }, "hello-world-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Optional<Supplier<UsageReading>> usage() {
        return Optional.of(() -> ManagedTarget.reading(process.pid()));
    }

    @Override
    public String describe() {
        return "hello-world server in its own JVM (" + String.join(" ", jvmOptions) + ")";
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
