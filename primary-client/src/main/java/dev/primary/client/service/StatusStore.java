package dev.primary.client.service;

import java.util.Optional;

/** Where the {@link ClientStatus} is kept between runs ({@code state.json}). */
public interface StatusStore {
    /**
     * The status saved last, if any.
     *
     * @throws IllegalStateException when a saved status exists but cannot be read; the message says why
     */
    Optional<ClientStatus> load();

    /** Saves {@code status} durably (atomically replacing the previous one). */
    void save(ClientStatus status);
}
