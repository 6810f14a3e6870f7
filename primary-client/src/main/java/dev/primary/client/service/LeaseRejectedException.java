package dev.primary.client.service;

/** A lease (on disk or from the server) that this client must not trust; the message says why. */
public final class LeaseRejectedException extends Exception {
    public LeaseRejectedException(String message) {
        super(message);
    }
}
