package dev.primary.client.service;

import dev.primary.protocol.crypto.SignedDocument;
import java.nio.file.Path;
import java.util.Optional;

/** Where the client keeps its signed lease ({@code lease.json}) so that a restart needs no server. */
public interface LeaseStore {
    /**
     * The stored lease document, if there is one. Its signature is not checked here.
     *
     * @throws LeaseRejectedException when a lease file exists but is not a signed document
     */
    Optional<SignedDocument> load() throws LeaseRejectedException;

    /** Stores {@code lease}, replacing the previous one. */
    void save(SignedDocument lease);

    /** Keeps {@code document} beside the lease as {@code lease.json.<suffix>} for inspection, without touching the lease. */
    Path keepAside(SignedDocument document, String suffix);

    /** Moves the stored lease aside to {@code lease.json.<suffix>}; returns where it went, or empty when there was none. */
    Optional<Path> moveAside(String suffix);

    /** Deletes the stored lease, if any. */
    void delete();
}
