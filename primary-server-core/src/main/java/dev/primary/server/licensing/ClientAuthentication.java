package dev.primary.server.licensing;

import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.RequestMac;
import dev.primary.protocol.message.CheckInKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Proves who sent a client request: the signature must verify with the client's key, and the
 * sequence must be larger than the last one accepted from that client. Signatures are checked
 * before any write; the sequence is settled inside the write, so two copies of one request can
 * never both pass. A sequence is epoch milliseconds at the client; one further ahead of the server's clock than
 * the margin is refused before anything else, so no client clock can push its last sequence out of reach.
 */
final class ClientAuthentication {
    private final LicensingStore store;
    private final Clock clock;
    private final Duration sequenceMargin;
    private final CheckInKeys checkInKeys;

    /** @param checkInKeys the check-in keys handed out; {@code null}: none, every request is signed */
    ClientAuthentication(LicensingStore store, Clock clock, Duration sequenceMargin, CheckInKeys checkInKeys) {
        this.store = store;
        this.clock = clock;
        this.sequenceMargin = sequenceMargin;
        this.checkInKeys = checkInKeys;
    }

    /**
     * For {@code verify} with a check-in MAC: the MAC must verify with the client's current check-in key. No store read:
     * the key is derived, and whether the client is known, revoked or replaying is settled by the read or write that
     * follows.
     */
    void requireMac(ClientCredentials credentials) {
        requireNotAhead(credentials);
        if (checkInKeys == null) {
            throw new SignatureRequiredException("this server hands out no check-in keys; sign the request");
        }
        byte[] key = checkInKeys.key(credentials.macKeyVersion(), credentials.clientId())
                .orElseThrow(() -> new SignatureRequiredException("check-in key version " + credentials.macKeyVersion()
                        + " is not this server's current one (" + checkInKeys.currentVersion()
                        + "); sign the request to receive the current key"));
        if (!RequestMac.verifies(key, credentials.signedBytes(), credentials.signature())) {
            throw new SignatureRequiredException("the check-in MAC of client " + credentials.clientId()
                    + " does not verify: the request was altered or its key is not this server's; sign the request");
        }
    }

    /** The check-in key to hand to the client of a signed request that takes one; empty when none is handed out. */
    Optional<CheckInKey> checkInKeyFor(ClientCredentials credentials) {
        if (checkInKeys == null || credentials.maced() || !credentials.takesCheckInKey()) {
            return Optional.empty();
        }
        int version = checkInKeys.currentVersion();
        return checkInKeys.key(version, credentials.clientId()).map(key -> CheckInKey.of(version, key));
    }

    /** For {@code register}: the key in the body, which must be the header's client id and must have signed the request. */
    PublicKey registeringKey(ClientCredentials credentials, String clientKeyText) {
        requireSigned(credentials, "register");
        requireNotAhead(credentials);
        PublicKey key;
        try {
            key = PublicKey.decode(clientKeyText);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("clientKey is not an Ed25519 public key (32 bytes, base64url)");
        }
        if (!key.keyId().equals(credentials.clientId())) {
            throw new InvalidRequestException("the client id " + credentials.clientId()
                    + " in the request header is not the key id " + key.keyId() + " of the clientKey in the body");
        }
        requireSignedBy(key, credentials);
        return key;
    }

    /** For {@code verify} and {@code report}: the stored client, whose key must have signed the request. */
    ClientRecord knownClient(ClientCredentials credentials) {
        requireSigned(credentials, "this request");
        requireNotAhead(credentials);
        ClientRecord client = store.read(reads -> reads.client(credentials.clientId()))
                .orElseThrow(() -> new UnknownClientException("client " + credentials.clientId()
                        + " is not registered with this server; register first"));
        requireSignedBy(client.publicKey(), credentials);
        if (credentials.sequence() <= client.lastSequence()) {
            throw new ReplayedRequestException(client.clientId(), credentials.sequence(), client.lastSequence());
        }
        return client;
    }

    /**
     * Inside the write: accepts the request's sequence, or refuses it as a replay. A client met for
     * the first time ({@code key} given, on register) is recorded with it.
     *
     * @return true when the client was recorded just now, in this unit: a key new to this store, so not revoked and
     *     speaking for no computer yet
     */
    static boolean acceptSequence(LicensingWrites writes, ClientCredentials credentials, PublicKey key, Instant now) {
        if (writes.advanceSequence(credentials.clientId(), credentials.sequence())) {
            return false;
        }
        Optional<ClientRecord> known = writes.client(credentials.clientId());
        if (known.isPresent()) {
            throw new ReplayedRequestException(credentials.clientId(), credentials.sequence(),
                    known.get().lastSequence());
        }
        if (key == null) {
            throw new UnknownClientException("client " + credentials.clientId()
                    + " is not registered with this server; register first");
        }
        writes.insertClient(new ClientRecord(credentials.clientId(), key, credentials.sequence(), now));
        return true;
    }

    private static void requireSigned(ClientCredentials credentials, String what) {
        if (credentials.maced()) {
            throw new SignatureRequiredException(what + " must carry a signature: a check-in MAC authenticates"
                    + " verify only");
        }
    }

    private void requireNotAhead(ClientCredentials credentials) {
        Instant now = clock.instant();
        long latest = now.toEpochMilli() + sequenceMargin.toMillis();
        if (credentials.sequence() > latest) {
            throw new SequenceAheadException("request sequence " + credentials.sequence() + " of client "
                    + credentials.clientId() + " is more than " + Wording.duration(sequenceMargin)
                    + " ahead of this server's clock (" + now + "); continue from the server's time");
        }
    }

    private static void requireSignedBy(PublicKey key, ClientCredentials credentials) {
        if (!key.verifies(credentials.signedBytes(), credentials.signature())) {
            throw new ClientSignatureInvalidException("the request signature of client " + credentials.clientId()
                    + " does not verify with its key: the request was altered or signed with another key");
        }
    }
}
