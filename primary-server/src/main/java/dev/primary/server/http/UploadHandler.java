package dev.primary.server.http;

/**
 * Takes a request body too large to hold in memory (a package upload), streamed: once the request's head
 * has arrived, {@link #begin} runs on a worker thread and opens the {@link UploadSink} the body then flows
 * into, chunk by chunk, with the connection reading only as fast as the sink writes.
 */
@FunctionalInterface
public interface UploadHandler {
    /**
     * Checks the request's head (its body is not read yet) and opens where the body goes; throws to refuse
     * the request before its body is read (see {@link ProblemResponses}).
     *
     * @param head the request, with an empty body
     * @param contentLength the body's size, from {@code Content-Length} (required for uploads)
     */
    UploadSink begin(Request head, long contentLength);
}
