package dev.primary.server.licensing;

import dev.primary.protocol.crypto.DocumentSignatureInvalidException;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.UnlockPayload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Checks license and unlock files: the right kind, signed by a trusted vendor key, unaltered, well-formed. */
final class VendorDocuments {
    private final Supplier<List<PublicKey>> trustedVendorKeys;

    VendorDocuments(Supplier<List<PublicKey>> trustedVendorKeys) {
        this.trustedVendorKeys = trustedVendorKeys;
    }

    private Map<String, PublicKey> trustedKeys() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try {
            trustedVendorKeys.get().forEach(key -> keys.put(key.keyId(), key));
        } catch (RuntimeException e) {
            throw new LicenseInvalidException("cannot read the trusted vendor keys: " + e.getMessage());
        }
        return keys;
    }

    LicensePayload license(SignedDocument file) {
        return read(verified(file, SignedDocument.LICENSE), LicensePayload.class, SignedDocument.LICENSE);
    }

    UnlockPayload unlock(SignedDocument file) {
        return read(verified(file, SignedDocument.UNLOCK), UnlockPayload.class, SignedDocument.UNLOCK);
    }

    private byte[] verified(SignedDocument file, String kind) {
        if (!file.kind().equals(kind)) {
            throw new LicenseInvalidException("the file is " + withArticle(file.kind()) + " document, not "
                    + withArticle(kind) + " file");
        }
        Map<String, PublicKey> trustedKeys = trustedKeys();
        PublicKey key = trustedKeys.get(file.keyId());
        if (key == null) {
            throw new LicenseInvalidException("the " + kind + " file is signed by key " + file.keyId()
                    + ", which this server does not trust"
                    + (trustedKeys.isEmpty() ? " (no vendor key is configured)" : " (trusted: " + trustedKeys.keySet() + ")"));
        }
        try {
            return file.verifiedPayload(kind, key);
        } catch (DocumentSignatureInvalidException e) {
            throw new LicenseInvalidException(e.getMessage());
        }
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.isEmpty() ? 'x' : noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static <T> T read(byte[] payload, Class<T> type, String kind) {
        try {
            return Json.read(payload, type);
        } catch (MalformedJsonException e) {
            throw new LicenseInvalidException("the " + kind + " file's content is not valid: " + e.getMessage());
        }
    }
}
