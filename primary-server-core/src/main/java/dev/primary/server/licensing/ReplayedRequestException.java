package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/**
 * A client request whose sequence is not larger than the last one accepted from that client: a
 * replay, or a client whose sequence went backwards. The message names the last accepted sequence,
 * so an honest client can continue above it.
 */
public final class ReplayedRequestException extends PrimaryException {
    private final long lastAcceptedSequence;

    public ReplayedRequestException(String clientId, long sequence, long lastAcceptedSequence) {
        super(ProblemType.REPLAYED_REQUEST, "sequence " + sequence + " of client " + clientId
                + " is not larger than the last accepted sequence " + lastAcceptedSequence
                + "; send a sequence above " + lastAcceptedSequence);
        this.lastAcceptedSequence = lastAcceptedSequence;
    }

    public long lastAcceptedSequence() {
        return lastAcceptedSequence;
    }
}
