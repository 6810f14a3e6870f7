package dev.primary.server.config;

/** A setting is malformed or contradicts another; the message states the rule that was broken. */
public final class InvalidConfigurationException extends IllegalArgumentException {
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
