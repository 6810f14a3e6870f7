package dev.primary.server.enrollment;

import java.util.Objects;

/**
 * How a computer came to this server, and whether a new client key may take it over.
 *
 * @param tokenId the enrollment token it was enrolled with; empty when none (open enrollment, before tokens,
 *     or a reservation)
 * @param source the IP address of its first registration; empty when unknown
 * @param rekeyAllowed whether the next registration of it by a new client key takes it over (once), as an
 *     administrator allowed with {@code rekey}
 */
public record ComputerEnrollment(String tokenId, String source, boolean rekeyAllowed) {
    public static final ComputerEnrollment NONE = new ComputerEnrollment("", "", false);

    public ComputerEnrollment {
        tokenId = Objects.requireNonNullElse(tokenId, "");
        source = Objects.requireNonNullElse(source, "");
    }

    public ComputerEnrollment withRekeyAllowed(boolean allowed) {
        return new ComputerEnrollment(tokenId, source, allowed);
    }
}
