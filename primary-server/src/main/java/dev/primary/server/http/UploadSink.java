package dev.primary.server.http;

import java.nio.ByteBuffer;

/**
 * Where an upload's body goes. Called on worker threads, one call at a time, in order: {@link #write} for
 * each chunk, then {@link #complete} after the last, or {@link #abort} when the upload ends early (client
 * gone, server stopping, a write failed).
 */
public interface UploadSink {
    /** Appends the next bytes of the body; throws to refuse the upload (then {@link #abort} follows). */
    void write(ByteBuffer bytes);

    /** The whole body has been written: finishes it and says what to answer; throws to refuse it. */
    Response complete();

    /** Drops what was received; idempotent. */
    void abort();
}
