package dev.primary.server.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit entries to read: each part that is set must match, the others match anything.
 *
 * @param actor the acting account exactly, e.g. {@code host-admin} or {@code system}; empty = any
 * @param action the action exactly, e.g. {@code computer.revoked}; empty = any
 * @param subject what it was done to exactly (a computer as {@code DOMAIN\NAME}, a serial); empty = any
 * @param from entries at or after this instant; empty = since the start
 * @param to entries before this instant; empty = up to now
 */
public record AuditFilter(String actor, String action, String subject, Optional<Instant> from, Optional<Instant> to) {
    /** Every entry. */
    public static final AuditFilter ANY = new AuditFilter("", "", "", Optional.empty(), Optional.empty());

    public AuditFilter {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
