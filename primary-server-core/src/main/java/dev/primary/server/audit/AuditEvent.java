package dev.primary.server.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change to write to the audit trail, in the same transaction as the change itself.
 *
 * @param at when it happened
 * @param actor who did it: {@code admin}, {@code system}, {@code client:<client id>} or
 *     {@code operator:<user>} (a start-up flag given by that user of the server's host)
 * @param action what was done
 * @param subject what it was done to: a computer's displayed name, a license serial, a release
 *     ({@code recorder V 1.2 (0345)}), a content revision ({@code content 7}) or a rollout ({@code rollout 3})
 * @param detail more words for the administrator; never a secret
 * @param source where the request that caused it came from (an address), empty when the server acted by itself;
 *     stamped by {@link AuditSourceStore} from {@link AuditSource} at the edge, not passed by the domain
 */
public record AuditEvent(Instant at, String actor, AuditAction action, String subject, String detail,
        String source) {
    public AuditEvent {
        source = source == null ? "" : source;
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        detail = detail == null ? "" : detail;
    }

    /** An event whose source is not known yet. */
    public AuditEvent(Instant at, String actor, AuditAction action, String subject, String detail) {
        this(at, actor, action, subject, detail, "");
    }

    /** The same event, from {@code where}. */
    public AuditEvent from(String where) {
        return new AuditEvent(at, actor, action, subject, detail, where);
    }
}
