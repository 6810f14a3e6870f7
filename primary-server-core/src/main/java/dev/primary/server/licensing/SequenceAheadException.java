package dev.primary.server.licensing;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/**
 * A client request whose sequence (epoch milliseconds) lies further ahead of the server's clock than the
 * configured margin: refused before anything is stored, so a client clock that once ran far ahead cannot
 * move the client's last sequence out of reach (400 {@code sequence-ahead}).
 */
public final class SequenceAheadException extends PrimaryException {
    public SequenceAheadException(String message) {
        super(ProblemType.SEQUENCE_AHEAD, message);
    }
}
