package dev.primary.server.console;

/**
 * What the audit page shows, as typed into its filter form: each field exactly as {@code GET /admin/v1/audit} takes
 * it, and the entry the page starts below ({@code before}, 0 for the newest). Turned into the links of the page.
 *
 * @param actor the acting account; empty for any
 * @param action the action, e.g. {@code computer.revoked}; empty for any
 * @param computer the entry's subject (a computer as {@code DOMAIN\NAME}, a serial); empty for any
 * @param from at or after (ISO-8601 time or date); empty for since the start
 * @param to before (ISO-8601 time or date); empty for up to now
 * @param before show entries with ids below this one; 0 for the newest
 */
public record AuditQuery(String actor, String action, String computer, String from, String to, long before) {
    /** Entries per page. */
    public static final int PAGE_SIZE = 50;

    /** The filter alone, from the newest entry on. */
    public AuditQuery newest() {
        return new AuditQuery(actor, action, computer, from, to, 0);
    }

    /** The link to this filter's page of entries below {@code id}; 0 for the newest. */
    public String pageBelow(long id) {
        return "/console/audit?" + parameters() + (id > 0 ? "&before=" + id : "");
    }

    /** The link of the CSV export of the whole filter (from the newest entry). */
    public String csv() {
        return "/console/audit.csv?" + parameters();
    }

    /** Whether any filter is set. */
    public boolean filtered() {
        return !(actor + action + computer + from + to).isEmpty();
    }

    private String parameters() {
        return "actor=" + ComputerFilter.encode(actor) + "&action=" + ComputerFilter.encode(action) + "&computer="
                + ComputerFilter.encode(computer) + "&from=" + ComputerFilter.encode(from) + "&to="
                + ComputerFilter.encode(to);
    }
}
