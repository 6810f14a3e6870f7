package dev.primary.server.http;

import java.time.Duration;

/** An open {@link EventStreamReply}: text sent to one client, from any thread, in the order sent from each thread. */
public interface EventStream {
    /** Queues {@code text} (UTF-8) for the client; nothing happens once the stream is closed. */
    void send(String text);

    /** How many bytes are queued and not yet written to the client's connection. */
    long unwritten();

    /** Ends the stream cleanly (the last chunk) and closes the connection. */
    void end();

    /** Closes the connection now, whatever is still queued (a reader that stopped taking what is sent). */
    void close();

    /** Runs {@code task} every {@code period} on the connection's own thread until the stream closes. */
    void every(Duration period, Runnable task);

    /** Runs {@code action} once the stream has closed, whichever side closed it. */
    void whenClosed(Runnable action);
}
