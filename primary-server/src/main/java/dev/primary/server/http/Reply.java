package dev.primary.server.http;

/**
 * What a handler answers: a {@link Response} with its body in memory, a {@link FileReply} streamed
 * from an open file with constant memory, or an {@link EventStreamReply} that stays open.
 */
public sealed interface Reply permits Response, FileReply, EventStreamReply {
    /** The HTTP status. */
    int status();
}
