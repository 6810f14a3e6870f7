package dev.primary.client.config;

/** {@code client.json} is missing, unreadable or invalid; the message names the file and the rule broken. */
public final class ClientConfigurationException extends RuntimeException {
    public ClientConfigurationException(String message) {
        super(message);
    }

    public ClientConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
