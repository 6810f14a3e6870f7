package dev.primary.client.home;

/** Another Client Service already runs on this home (it holds {@code service.lock}); the message names it. */
public final class HomeInUseException extends RuntimeException {
    public HomeInUseException(String message) {
        super(message);
    }
}
