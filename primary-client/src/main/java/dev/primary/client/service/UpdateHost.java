package dev.primary.client.service;

/** What the {@link Updates} need from the Client Service they work for. */
public interface UpdateHost {
    /** The connection to the server now configured (any thread). */
    ServerConnection connection();

    /** The settings in force. */
    ServiceSettings settings();

    /** Asks the service to send a {@code report} with the update state soon (any thread). */
    void report();
}
