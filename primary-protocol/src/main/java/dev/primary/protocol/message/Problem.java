package dev.primary.protocol.message;

import java.util.Objects;
import java.util.Optional;

/**
 * An error answer, as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem, {@code urn:primary:problem:<slug>} (see {@link ProblemType})
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong in this case, in words an operator can act on
 * @param incident for a server fault ({@code internal-error}): the id under which the server logged it, so an
 *     operator finds the one log entry that explains it; absent otherwise
 */
public record Problem(String type, String title, int status, String detail, String incident) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
        incident = incident == null || incident.isEmpty() ? null : incident;
    }

    public Problem(String type, String title, int status, String detail) {
        this(type, title, status, detail, null);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null);
    }

    /** A server fault logged under {@code incident}. */
    public static Problem incident(ProblemType type, String detail, String incident) {
        return new Problem(type.uri(), type.title(), type.status(), detail, Objects.requireNonNull(incident));
    }

    /** The {@link ProblemType} this problem names, if it is one of ours. */
    public Optional<ProblemType> knownType() {
        return ProblemType.fromUri(type);
    }

    /** The id of the server's log entry for this fault, if it is one. */
    public Optional<String> incidentId() {
        return Optional.ofNullable(incident);
    }
}
