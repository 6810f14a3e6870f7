package dev.primary.licensetool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primary.protocol.crypto.DocumentSignatureInvalidException;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.LeasePayload;
import dev.primary.protocol.message.LicensePayload;
import dev.primary.protocol.message.UnlockPayload;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentManifest;
import dev.primary.protocol.release.ReleaseManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code license-tool show FILE}: what a license, unlock, lease, release or content file says, whether its
 * signature verifies, and (for a release or content manifest) whether a package file is the one it names.
 */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {"Shows what a license, unlock, lease, release or content file says.",
                "Prints its kind and payload; with --public-key, whether its signature verifies; with",
                "--package (release and content manifests), whether that file has the size and SHA-256",
                "the manifest names. Exits 1 when a check fails."})
final class ShowCommand implements Callable<Integer> {
    private static final Map<String, Class<?>> PAYLOAD_TYPES = Map.of(
            SignedDocument.LICENSE, LicensePayload.class,
            SignedDocument.UNLOCK, UnlockPayload.class,
            SignedDocument.LEASE, LeasePayload.class,
            SignedDocument.RELEASE, ReleaseManifest.class,
            SignedDocument.CONTENT, ContentManifest.class);

    private final LicenseToolMain.Console console;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed document to show.")
    private Path file;

    @Option(names = {"--public-key", "--vendor-pub", "--release-pub"}, paramLabel = "FILE",
            description = "The public key to check the signature with: vendor.pub for licenses and unlocks, "
                    + "release.pub for releases and content, the server key for a lease.")
    private Path publicKeyFile;

    @Option(names = "--package", paramLabel = "FILE",
            description = "For a release or content manifest: check this file's size and SHA-256 against it.")
    private Path packageFile;

    ShowCommand(LicenseToolMain.Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        SignedDocument document = DocumentFiles.read(file);
        PublicKey key = publicKeyFile == null ? null : KeyFileReader.readPublicKey(publicKeyFile, "public key");
        JsonNode payload = payloadOf(document);
        PrintWriter out = console.out();
        out.printf("%-12s %s%n", "File:", file);
        out.printf("%-12s %s%n", "Kind:", document.kind());
        out.printf("%-12s %s%n", "Signed by:", document.keyId());
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            out.printf("  %-10s %s%n", field.getKey() + ":", display(field.getValue()));
        }
        if (packageFile != null) {
            checkPackage(document, payload, out);
        }
        if (key == null) {
            out.printf("%-12s %s%n", "Signature:", "not checked (give --public-key FILE to check it)");
            return ExitCode.OK.code();
        }
        try {
            document.verifiedPayload(document.kind(), key);
        } catch (DocumentSignatureInvalidException e) {
            out.printf("%-12s %s%n", "Signature:", "INVALID");
            throw new LicenseToolException("signature INVALID: " + e.getMessage(), e);
        }
        out.printf("%-12s %s%n", "Signature:", "valid (key " + key.keyId() + ")");
        return ExitCode.OK.code();
    }

    private void checkPackage(SignedDocument document, JsonNode payload, PrintWriter out) {
        if (!document.kind().equals(SignedDocument.RELEASE) && !document.kind().equals(SignedDocument.CONTENT)) {
            throw new LicenseToolException("--package applies to release and content manifests, not to a "
                    + document.kind());
        }
        PackageDigest actual = PackageDigest.of(packageFile);
        long size = payload.path("size").asLong();
        String sha256 = payload.path("sha256").asText();
        if (actual.size() != size || !actual.sha256().equals(sha256)) {
            out.printf("%-12s %s%n", "Package:", "DOES NOT MATCH");
            throw new LicenseToolException(packageFile + " is not the package this manifest names: it has "
                    + actual.size() + " bytes, sha256 " + actual.sha256() + "; the manifest says " + size
                    + " bytes, sha256 " + sha256);
        }
        out.printf("%-12s %s%n", "Package:", "matches (" + packageFile + ")");
    }

    private JsonNode payloadOf(SignedDocument document) {
        byte[] bytes;
        try {
            bytes = document.unverifiedPayload();
        } catch (IllegalArgumentException e) {
            throw new LicenseToolException(file + ": payload is not base64url text", e);
        }
        Class<?> type = PAYLOAD_TYPES.get(document.kind());
        try {
            if (type != null) {
                Json.read(bytes, type);
            }
            JsonNode tree = Json.mapper().readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new LicenseToolException(file + ": payload is not a JSON object");
            }
            return tree;
        } catch (MalformedJsonException | IOException e) {
            throw new LicenseToolException(file + ": " + document.kind() + " payload is malformed: " + e.getMessage(), e);
        }
    }

    private static String display(JsonNode value) {
        if (value.isArray()) {
            return value.isEmpty() ? "(none)" : StreamSupport.stream(value.spliterator(), false)
                    .map(ShowCommand::display).collect(Collectors.joining(", "));
        }
        if (value.isObject() && value.size() == 3 && value.has("major") && value.has("minor") && value.has("build")) {
            return new Version(value.get("major").asInt(), value.get("minor").asInt(), value.get("build").asInt()).display();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
