package dev.primary.server.http;

/** How the head of an upload was received: its body goes to a sink, or the request is refused before it is read. */
sealed interface UploadDecision {
    /** The body goes to {@code sink}. */
    record Accepted(UploadSink sink) implements UploadDecision {
    }

    /** Refused with {@code response}; the body is not read. */
    record Refused(Response response) implements UploadDecision {
    }
}
