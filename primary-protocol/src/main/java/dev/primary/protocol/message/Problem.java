package dev.primary.protocol.message;

import java.util.Objects;

/**
 * An error answer, as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem, {@code urn:primary:problem:<slug>} (see {@link ProblemType})
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong in this case, in words an operator can act on
 */
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail);
    }

    /** The {@link ProblemType} this problem names, if it is one of ours. */
    public java.util.Optional<ProblemType> knownType() {
        return ProblemType.fromUri(type);
    }
}
