package dev.primary.client.cli;

/** A command could not do its work; the message is the one line shown on stderr (exit code 1). */
final class CommandFailedException extends RuntimeException {
    CommandFailedException(String message) {
        super(message);
    }
}
