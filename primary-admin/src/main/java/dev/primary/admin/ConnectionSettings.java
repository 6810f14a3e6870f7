package dev.primary.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.primary.admin.http.AdminConnection;
import dev.primary.admin.http.AdminUnreachableException;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.tls.TlsPin;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Works out how to reach the admin API: from the server's data directory ({@code admin-endpoint},
 * {@code admin-token}), with {@code --url}, {@code --pin} and {@code --token-file} taking precedence.
 *
 * @param dataDirectory the server's data directory; may be null when all three overrides are given
 * @param url the admin URL override; may be null
 * @param tokenFile the token file override; may be null
 * @param pin the TLS pin override; may be null
 */
record ConnectionSettings(Path dataDirectory, String url, Path tokenFile, String pin) {
    static final String ENDPOINT_FILE = "admin-endpoint";
    static final String TOKEN_FILE = "admin-token";

    AdminConnection resolve() {
        if (dataDirectory == null && (url == null || pin == null || tokenFile == null)) {
            throw new AdminUsageException("give --data-dir DIR (the Primary Server's data directory), "
                    + "or all of --url, --pin and --token-file");
        }
        URI baseUrl = url == null ? null : parseUrl(url, "--url");
        TlsPin tlsPin = pin == null ? null : parsePin(pin, "--pin");
        if (baseUrl == null || tlsPin == null) {
            JsonNode endpoint = readEndpoint();
            Path file = dataDirectory.resolve(ENDPOINT_FILE);
            baseUrl = baseUrl != null ? baseUrl : endpointUrl(endpoint.path("url").asText(""), file);
            tlsPin = tlsPin != null ? tlsPin : endpointPin(endpoint.path("tlsPin").asText(""), file);
        }
        String token = readToken(tokenFile != null ? tokenFile : dataDirectory.resolve(TOKEN_FILE));
        return new AdminConnection(baseUrl, tlsPin, token);
    }

    private JsonNode readEndpoint() {
        Path file = dataDirectory.resolve(ENDPOINT_FILE);
        if (!Files.isDirectory(dataDirectory)) {
            throw new AdminUnreachableException("data directory " + dataDirectory + " does not exist: "
                    + "give the --data-dir the Primary Server runs with");
        }
        try {
            JsonNode tree = Json.mapper().readTree(Files.readAllBytes(file));
            if (tree == null || !tree.isObject()) {
                throw new AdminCommandException(file + " is damaged: not a JSON object (the server rewrites it at start)");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new AdminUnreachableException("no " + file + ": no Primary Server has started with data directory "
                    + dataDirectory + " (start it, or give --url, --pin and --token-file)");
        } catch (IOException e) {
            throw new AdminCommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static URI endpointUrl(String text, Path file) {
        try {
            return parseUrl(text, file.toString());
        } catch (AdminUsageException e) {
            throw new AdminCommandException(e.getMessage() + " (the server rewrites it at start)");
        }
    }

    private static TlsPin endpointPin(String text, Path file) {
        try {
            return new TlsPin(text);
        } catch (IllegalArgumentException e) {
            throw new AdminCommandException(file + " is damaged: " + e.getMessage() + " (the server rewrites it at start)");
        }
    }

    private static URI parseUrl(String text, String source) {
        try {
            URI uri = URI.create(text.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not https://HOST:PORT");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new AdminUsageException(source + ": the admin URL must look like https://HOST:PORT, got \"" + text + "\"");
        }
    }

    private static TlsPin parsePin(String text, String source) {
        try {
            return new TlsPin(text.strip());
        } catch (IllegalArgumentException e) {
            throw new AdminUsageException(source + ": " + e.getMessage());
        }
    }

    private static String readToken(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new AdminCommandException("no admin token at " + file + " (the server creates "
                    + TOKEN_FILE + " in its data directory at first start)");
        } catch (AccessDeniedException e) {
            throw new AdminCommandException("cannot read the admin token " + file
                    + ": permission denied (run as the user the server runs as)");
        } catch (IOException e) {
            throw new AdminCommandException("cannot read the admin token " + file + ": " + e.getMessage(), e);
        }
        if (token.isEmpty()) {
            throw new AdminCommandException("the admin token file " + file + " is empty");
        }
        return token;
    }
}
