package dev.primary.bench.fleet.transport;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One request to send and who hears its answer.
 *
 * @param request makes the request when it is to be written: after the connection is up, so an attempt that finds
 *     the server down signs nothing
 * @param bodyMode keep or discard the answer's body
 * @param ticketSlot which stored TLS session ticket a fresh connection offers (and where it keeps the ticket it
 *     gets): a client's own index, so each simulated client resumes its own session; -1 for none
 * @param listener hears the outcome
 */
public record Exchange(Supplier<OutgoingRequest> request, BodyMode bodyMode, int ticketSlot,
        ExchangeListener listener) {
    public Exchange {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(bodyMode, "bodyMode");
        Objects.requireNonNull(listener, "listener");
        if (ticketSlot < -1) {
            throw new IllegalArgumentException("ticketSlot is -1 (none) or an index, got " + ticketSlot);
        }
    }
}
