package dev.primary.bench.fleet.transport;

/** Which TLS handshake, if any, an exchange paid for. */
public enum Handshake {
    /** The exchange went over a connection that was already open. */
    NONE,
    /** A full handshake (key exchange and the server's certificate, checked against the pin). */
    FULL,
    /** A resumed handshake (a session ticket from an earlier connection was accepted). */
    RESUMED
}
