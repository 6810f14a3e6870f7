package dev.primary.server.nudge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends "check in now" nudges over TCP: connect to the address a client last checked in from at the nudge
 * port it announced, write {@code nudge\n}, close. A nudge carries no command; the client answers it with
 * its normal authenticated check-in. Best effort, on a small bounded pool of background threads, each
 * attempt bounded by a timeout: when the queue is full, a nudge is dropped (the computer still updates at
 * its next regular check-in).
 */
public final class NudgeSender implements AutoCloseable {
    /** What a client receives: a line that carries nothing it could act on. */
    static final byte[] MESSAGE = "nudge\n".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(NudgeSender.class);

    private final Duration timeout;
    private final ThreadPoolExecutor executor;

    /**
     * @param timeout how long one nudge may take to connect and to write (2 s in the server)
     * @param threads nudges sent at once
     * @param queueCapacity nudges that may wait; more are dropped
     */
    public NudgeSender(Duration timeout, int threads, int queueCapacity) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread thread = new Thread(task, "primary-nudge-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The server's sender: 2 s per nudge, 4 at once, 1,000 waiting. */
    public static NudgeSender standard() {
        return new NudgeSender(Duration.ofSeconds(2), 4, 1000);
    }

    /** Queues a nudge to {@code target}; the future says whether it was delivered, never fails. */
    public CompletableFuture<NudgeResult> nudge(InetSocketAddress target) {
        CompletableFuture<NudgeResult> result = new CompletableFuture<>();
        try {
            executor.execute(() -> result.complete(send(target)));
        } catch (RejectedExecutionException e) {
            result.complete(new NudgeResult(false, "too many nudges are pending; " + describe(target)
                    + " checks in at its next regular check-in"));
        }
        return result;
    }

    /** Queues nudges to all {@code targets} and forgets them (rollouts, revocations). */
    public void nudgeAll(List<InetSocketAddress> targets) {
        for (InetSocketAddress target : targets) {
            nudge(target);
        }
    }

    private NudgeResult send(InetSocketAddress target) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(millis);
            socket.connect(target, millis);
            OutputStream out = socket.getOutputStream();
            out.write(MESSAGE);
            out.flush();
            LOG.debug("nudged {}", describe(target));
            return new NudgeResult(true, "nudged at " + describe(target) + "; it checks in within seconds");
        } catch (SocketTimeoutException e) {
            return notReached(target, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return notReached(target, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static NudgeResult notReached(InetSocketAddress target, String why) {
        LOG.debug("nudge to {} failed: {}", describe(target), why);
        return new NudgeResult(false, "could not reach " + describe(target) + " (" + why
                + "); it checks in at its next regular check-in");
    }

    private static String describe(InetSocketAddress target) {
        String host = target.getAddress() != null ? target.getAddress().getHostAddress() : target.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + target.getPort();
    }

    /** Stops sending; nudges still queued are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
