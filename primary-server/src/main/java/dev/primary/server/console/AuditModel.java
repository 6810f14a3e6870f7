package dev.primary.server.console;

import dev.primary.protocol.admin.AuditEntry;
import java.util.List;

/**
 * The audit page: one page of entries, newest first, the filter that chose them, and the actions one can filter by.
 *
 * @param entries at most {@link AuditQuery#PAGE_SIZE} entries, newest first
 * @param query the filter and where the page starts
 * @param older whether older entries match the filter (the page links to them)
 * @param actions the actions' names, offered while typing the action filter
 */
public record AuditModel(ConsoleFrame frame, List<AuditEntry> entries, AuditQuery query, boolean older,
        List<String> actions) {
    public AuditModel {
        entries = List.copyOf(entries);
        actions = List.copyOf(actions);
    }

    /** The link to the next older page. */
    public String olderLink() {
        return query.pageBelow(entries.get(entries.size() - 1).id());
    }

    /** Whether the page starts below the newest entry (it links back to the newest). */
    public boolean paged() {
        return query.before() > 0;
    }
}
