package dev.primary.client.update;

/**
 * An update this client will not install; the message is the reason reported to the server
 * ("release manifest signature does not verify: ...", "V 0.9 (0001) is older than the running V 1.0 (0001) ...").
 */
public final class UpdateRefusedException extends Exception {
    public UpdateRefusedException(String reason) {
        super(reason);
    }
}
