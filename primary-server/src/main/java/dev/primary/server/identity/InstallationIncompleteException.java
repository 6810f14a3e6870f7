package dev.primary.server.identity;

/**
 * An existing installation lacks a piece clients depend on (its store, a key, its installation id), or
 * holds keys that do not belong together. The server refuses to start and changes nothing; the message
 * names the file, what it means for clients, and what to do.
 */
public final class InstallationIncompleteException extends RuntimeException {
    public InstallationIncompleteException(String message) {
        super(message);
    }
}
