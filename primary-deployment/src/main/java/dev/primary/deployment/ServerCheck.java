package dev.primary.deployment;

import dev.primary.client.http.ServerListCheck;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.probe.ServerProbe;
import dev.primary.protocol.probe.ServerProbeException;
import dev.primary.protocol.tls.TlsPin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before anything is installed, that {@code host:port} is a live Primary Server this client
 * can work with, and collects what the client pins: the TLS key, the lease-signing key and the
 * release keys (only releases and content updates signed by one of them are ever installed).
 * Every way it fails is a {@link ServerProbeException} whose message says what was found.
 */
final class ServerCheck {
    private final ServerProbe probe;

    ServerCheck(Duration timeout) {
        this.probe = new ServerProbe(timeout);
    }

    CheckedServer check(String host, int port, Optional<TlsPin> expectedPin) {
        ServerProbe.ProbeResult result = probe.probe(host, port, expectedPin);
        Hello hello = result.hello();
        String where = host + ":" + port;
        if (hello.protocolVersion() != Hello.PROTOCOL_VERSION) {
            throw new ServerProbeException(where + " is a Primary Server speaking protocol version "
                    + hello.protocolVersion() + ", but this client speaks version " + Hello.PROTOCOL_VERSION
                    + ": use a Deployment Utility of the server's release");
        }
        PublicKey serverKey;
        try {
            serverKey = PublicKey.decode(hello.serverKey());
        } catch (IllegalArgumentException e) {
            throw new ServerProbeException(where + " announces a server key that is not an Ed25519 public key ("
                    + e.getMessage() + "): it is not a working Primary Server");
        }
        return new CheckedServer(host, port, hello, result.tlsPin(), serverKey, releaseKeys(where, hello));
    }

    private static List<PublicKey> releaseKeys(String where, Hello hello) {
        List<PublicKey> keys = new ArrayList<>();
        for (String text : hello.releaseKeys()) {
            try {
                keys.add(PublicKey.decode(text));
            } catch (IllegalArgumentException e) {
                throw new ServerProbeException(where + " announces a release key that is not an Ed25519 public key ("
                        + e.getMessage() + "): it is not a working Primary Server");
            }
        }
        return List.copyOf(keys);
    }

    /** A server that passed the check, with the keys to pin. */
    record CheckedServer(String host, int port, Hello hello, TlsPin tlsPin, PublicKey serverKey,
            List<PublicKey> releaseKeys) {
        CheckedServer {
            releaseKeys = List.copyOf(releaseKeys);
        }

        /** What makes servers one fleet: installation id and keys. */
        ServerListCheck.Identity identity() {
            return new ServerListCheck.Identity(hello.serverId(), serverKey.encoded(), tlsPin.value(),
                    releaseKeys.stream().map(PublicKey::encoded).toList());
        }
    }
}
