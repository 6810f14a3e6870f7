package dev.primary.protocol.message;

import java.util.Arrays;
import java.util.Optional;

/** Every kind of error the Primary Server answers with, and its HTTP status. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    BODY_TOO_LARGE("body-too-large", "Request body too large", 413),
    LENGTH_REQUIRED("length-required", "Content-Length required", 411),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", "Range not satisfiable", 416),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    /** Authenticated, but the account's role does not allow this request; the detail names the role needed. */
    FORBIDDEN("forbidden", "Role does not allow this request", 403),
    SIGNATURE_INVALID("signature-invalid", "Signature does not verify", 401),
    /**
     * A request authenticated with a check-in MAC that must be signed instead: the MAC does not verify, its key version
     * is not the server's, the server hands out no check-in keys, or the route takes only signatures.
     */
    SIGNATURE_REQUIRED("signature-required", "Signature required", 401),
    UNKNOWN_CLIENT("unknown-client", "Unknown client", 401),
    REPLAYED_REQUEST("replayed-request", "Replayed request", 409),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    AMBIGUOUS_COMPUTER("ambiguous-computer", "Computer name is ambiguous", 409),
    CONFLICT("conflict", "Conflict with the current state", 409),
    LICENSE_INVALID("license-invalid", "License or unlock is not valid", 422),
    NO_SEATS("no-seats", "No seat is free", 409),
    /** A registration by a client the server does not know, without an enrollment token (and open enrollment is off). */
    ENROLLMENT_TOKEN_REQUIRED("enrollment-token-required", "Enrollment token required", 401),
    /** The enrollment token is not one this server issued (or its secret part is wrong). */
    ENROLLMENT_TOKEN_INVALID("enrollment-token-invalid", "Enrollment token not valid", 401),
    ENROLLMENT_TOKEN_EXPIRED("enrollment-token-expired", "Enrollment token expired", 401),
    ENROLLMENT_TOKEN_USED_UP("enrollment-token-used-up", "Enrollment token used up", 401),
    ENROLLMENT_TOKEN_REVOKED("enrollment-token-revoked", "Enrollment token revoked", 401),
    /** Another client key holds the computer this client claims; recorded as a conflict, no seat. */
    COMPUTER_HELD("computer-held", "Computer is held by another client", 409),
    /** The request's sequence lies further ahead of the server's clock than the configured margin. */
    SEQUENCE_AHEAD("sequence-ahead", "Request sequence ahead of the server's clock", 400),
    /** Over a limit per source address; the answer carries {@code Retry-After}. */
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    /** The request's head or body did not arrive within the server's deadline; the connection is closed. */
    REQUEST_TIMEOUT("request-timeout", "Request not received in time", 408),
    SERVER_BUSY("server-busy", "Server busy, retry later", 503),
    /** The server's storage (database or package folder) is full; nothing of the request was kept; {@code Retry-After}. */
    STORAGE_FULL("storage-full", "Server storage full, retry later", 503),
    /** A fault of the server itself; the answer's {@code incident} names its one entry in the server log. */
    INTERNAL_ERROR("internal-error", "Internal server error", 500);

    private static final String PREFIX = "urn:primary:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public static Optional<ProblemType> fromUri(String uri) {
        return Arrays.stream(values()).filter(type -> type.uri().equals(uri)).findFirst();
    }
}
