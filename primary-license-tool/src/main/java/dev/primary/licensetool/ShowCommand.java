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

/** {@code license-tool show FILE}: what a license, unlock or lease file says, and whether its signature verifies. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {"Shows what a license, unlock or lease file says.",
                "Prints its kind and payload and, with --vendor-pub, whether its signature verifies;",
                "exits 1 when it does not."})
final class ShowCommand implements Callable<Integer> {
    private static final Map<String, Class<?>> PAYLOAD_TYPES = Map.of(
            SignedDocument.LICENSE, LicensePayload.class,
            SignedDocument.UNLOCK, UnlockPayload.class,
            SignedDocument.LEASE, LeasePayload.class);

    private final LicenseToolMain.Console console;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed document to show.")
    private Path file;

    @Option(names = "--vendor-pub", paramLabel = "FILE",
            description = "The public key to check the signature with (vendor.pub; for a lease, the server key).")
    private Path publicKeyFile;

    ShowCommand(LicenseToolMain.Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        SignedDocument document = DocumentFiles.read(file);
        PublicKey key = publicKeyFile == null ? null : VendorKeys.readPublicKey(publicKeyFile);
        JsonNode payload = payloadOf(document);
        PrintWriter out = console.out();
        out.printf("%-12s %s%n", "File:", file);
        out.printf("%-12s %s%n", "Kind:", document.kind());
        out.printf("%-12s %s%n", "Signed by:", document.keyId());
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            out.printf("  %-10s %s%n", field.getKey() + ":", display(field.getValue()));
        }
        if (key == null) {
            out.printf("%-12s %s%n", "Signature:", "not checked (give --vendor-pub FILE to check it)");
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
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
