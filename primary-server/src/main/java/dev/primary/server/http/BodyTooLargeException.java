package dev.primary.server.http;

import dev.primary.protocol.message.ProblemType;
import java.util.Map;

/** A request body is larger than {@code max-body}, or an upload larger than {@code max-package} (413; the connection is closed). */
public final class BodyTooLargeException extends HttpProblemException {
    public BodyTooLargeException(int maxBodyBytes) {
        super(ProblemType.BODY_TOO_LARGE, "request body is larger than the limit of " + maxBodyBytes + " bytes",
                Map.of());
    }

    private BodyTooLargeException(String message) {
        super(ProblemType.BODY_TOO_LARGE, message, Map.of());
    }

    /** An upload announces more bytes than {@code max-package} allows. */
    public static BodyTooLargeException packageTooLarge(long announcedBytes, long maxPackageBytes) {
        return new BodyTooLargeException("the package is " + announcedBytes + " bytes, larger than the limit of "
                + maxPackageBytes + " bytes (max-package)");
    }
}
