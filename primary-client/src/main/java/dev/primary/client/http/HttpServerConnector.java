package dev.primary.client.http;

import dev.primary.client.service.RequestSequence;
import dev.primary.client.service.ServerConnection;
import dev.primary.client.service.ServerConnector;
import dev.primary.client.service.ServiceSettings;
import dev.primary.protocol.crypto.SigningKey;

/** Opens {@link HttpServerConnection}s. */
public final class HttpServerConnector implements ServerConnector {
    @Override
    public ServerConnection connect(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence) {
        return new HttpServerConnection(server, clientKey, sequence);
    }
}
