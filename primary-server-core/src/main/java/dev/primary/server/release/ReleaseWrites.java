package dev.primary.server.release;

import dev.primary.server.audit.AuditEvent;

/** What a unit of work of the release core may change, inside one {@link ReleaseStore#writeReleases}; it sees its own changes. */
public interface ReleaseWrites extends ReleaseReads {

    void insertRelease(Release release);

    void insertContent(ContentUpdate content);

    /** Inserts a rollout not saved before; returns it with its id. */
    Rollout insertRollout(Rollout rollout);

    void updateRollout(Rollout rollout);

    /** Puts computer {@code computerId} in {@code group} (empty: in none). */
    void assignGroup(long computerId, String group);

    void audit(AuditEvent event);
}
