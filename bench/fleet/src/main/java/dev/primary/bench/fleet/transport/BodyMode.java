package dev.primary.bench.fleet.transport;

/** What the transport does with the body of a successful answer. */
public enum BodyMode {
    /** Keep it (up to {@link TransportSettings#maxKeptBody()}), for JSON answers the client reads. */
    KEEP,
    /** Count its bytes and drop them as they arrive: a download is never buffered. Error answers are still kept. */
    DISCARD
}
