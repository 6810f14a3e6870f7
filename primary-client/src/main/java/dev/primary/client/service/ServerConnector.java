package dev.primary.client.service;

import dev.primary.protocol.crypto.SigningKey;

/** Opens a {@link ServerConnection} to the configured server, signing with the client's key. */
@FunctionalInterface
public interface ServerConnector {
    ServerConnection connect(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence);
}
