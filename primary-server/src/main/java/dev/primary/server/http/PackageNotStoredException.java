package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** A download of a package the package store does not hold (404). */
public final class PackageNotStoredException extends HttpProblemException {
    public PackageNotStoredException(String sha256) {
        super(ProblemType.NOT_FOUND, "no package with sha256 " + sha256 + " is stored on this server", Map.of());
    }
}
