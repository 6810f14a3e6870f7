package dev.primary.client.http;

import dev.primary.client.home.CheckInKeyFile;
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
    private final CheckInKeyFile checkInKeys;

    /** A connector whose connections sign every request. */
    public HttpServerConnector() {
        this(null);
    }

    /** A connector whose connections authenticate check-ins with the key kept in {@code checkInKeys} once they hold one. */
    public HttpServerConnector(CheckInKeyFile checkInKeys) {
        this.checkInKeys = checkInKeys;
    }

    @Override
    public ServerConnection connect(ServiceSettings.ServerEndpoint server, SigningKey clientKey, RequestSequence sequence) {
        return new FailoverConnection(server, FailoverConnection.Resolver.SYSTEM,
                address -> new HttpServerConnection(address, clientKey, sequence, checkInKeys));
    }
}
