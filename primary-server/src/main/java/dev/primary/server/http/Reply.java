package dev.primary.server.http;

/**
 * What a handler answers: a {@link Response} with its body in memory, or a {@link FileReply} streamed
 * from an open file with constant memory.
 */
public sealed interface Reply permits Response, FileReply {
    /** The HTTP status. */
    int status();
}
