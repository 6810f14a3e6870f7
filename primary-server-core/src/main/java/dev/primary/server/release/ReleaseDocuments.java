package dev.primary.server.release;

import dev.primary.protocol.crypto.DocumentSignatureInvalidException;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.ReleaseManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Checks release and content manifests: the right kind, signed by a trusted release key, unaltered, well-formed. */
final class ReleaseDocuments {
    private final Supplier<List<PublicKey>> trustedReleaseKeys;

    ReleaseDocuments(Supplier<List<PublicKey>> trustedReleaseKeys) {
        this.trustedReleaseKeys = trustedReleaseKeys;
    }

    ReleaseManifest release(SignedDocument document) {
        return read(verified(document, SignedDocument.RELEASE, "release manifest"), ReleaseManifest.class,
                "release manifest");
    }

    ContentManifest content(SignedDocument document) {
        return read(verified(document, SignedDocument.CONTENT, "content manifest"), ContentManifest.class,
                "content manifest");
    }

    private byte[] verified(SignedDocument document, String kind, String what) {
        if (!document.kind().equals(kind)) {
            throw new ReleaseInvalidException("the document is of kind \"" + document.kind() + "\", not a " + what
                    + " (kind \"" + kind + "\")");
        }
        if (document.signature().isBlank()) {
            throw new ReleaseInvalidException("the " + what + " is not signed; sign it with a release key"
                    + " (license-tool " + kind + " sign)");
        }
        Map<String, PublicKey> trusted = trustedKeys();
        PublicKey key = trusted.get(document.keyId());
        if (key == null) {
            throw new ReleaseInvalidException("the " + what + " is signed by key " + document.keyId()
                    + ", which this server does not trust" + (trusted.isEmpty()
                            ? " (no release key is configured: add its .pub to the trusted release keys)"
                            : " (trusted: " + trusted.keySet() + ")"));
        }
        try {
            return document.verifiedPayload(kind, key);
        } catch (DocumentSignatureInvalidException e) {
            throw new ReleaseInvalidException("the " + what + " was refused: " + e.getMessage());
        }
    }

    private Map<String, PublicKey> trustedKeys() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try {
            trustedReleaseKeys.get().forEach(key -> keys.put(key.keyId(), key));
        } catch (RuntimeException e) {
            throw new ReleaseInvalidException("cannot read the trusted release keys: " + e.getMessage());
        }
        return keys;
    }

    private static <T> T read(byte[] payload, Class<T> type, String what) {
        try {
            return Json.read(payload, type);
        } catch (MalformedJsonException e) {
            throw new ReleaseInvalidException("the " + what + "'s content is not valid: " + e.getMessage());
        }
    }
}
