package dev.primary.protocol.probe;

/** The probed address is not a reachable Primary Server; the message says what was found instead. */
public final class ServerProbeException extends RuntimeException {
    private final boolean nothingAnswers;

    public ServerProbeException(String message) {
        this(message, false);
    }

    /** @param nothingAnswers true when nothing answered at all (connection refused, or none within the timeout) */
    public ServerProbeException(String message, boolean nothingAnswers) {
        super(message);
        this.nothingAnswers = nothingAnswers;
    }

    /**
     * Whether nothing answered at all (connection refused, or no connection within the timeout), rather than something
     * that is not the expected Primary Server.
     */
    public boolean nothingAnswers() {
        return nothingAnswers;
    }
}
