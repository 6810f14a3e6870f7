package dev.primary.client.http;

import dev.primary.client.service.RequestSequence;
import dev.primary.client.service.ServerConnection;
import dev.primary.client.service.ServerConnector;
import dev.primary.client.service.ServiceSettings;
import dev.primary.protocol.crypto.SigningKey;

/**
 * Opens a {@link FailoverConnection} over the configured servers, one {@link HttpServerConnection} per address (a
 * single server with a single address is a list of one).
 */
public final class HttpServerConnector implements ServerConnector {
    @Override
    public ServerConnection connect(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence) {
        return new FailoverConnection(server, FailoverConnection.Resolver.SYSTEM,
                address -> new HttpServerConnection(address, clientKey, sequence));
    }
}
