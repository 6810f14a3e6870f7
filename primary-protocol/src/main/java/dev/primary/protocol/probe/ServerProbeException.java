package dev.primary.protocol.probe;

/** The probed address is not a reachable Primary Server; the message says what was found instead. */
public final class ServerProbeException extends RuntimeException {
    public ServerProbeException(String message) {
        super(message);
    }
}
