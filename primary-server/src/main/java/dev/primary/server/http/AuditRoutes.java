package dev.primary.server.http;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.server.audit.AuditFilter;
import dev.primary.server.licensing.Administration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /admin/v1/audit} and {@code GET /admin/v1/audit.csv}: the audit trail, newest first, filtered by
 * {@code actor}, {@code action}, {@code computer} (the subject), {@code from} and {@code to} (docs/admin-api.md).
 */
final class AuditRoutes {
    static final String CSV = "text/csv; charset=utf-8";
    static final String NEXT_BEFORE = "X-Audit-Next-Before";
    private static final int MAX_TEXT = 512;

    private AuditRoutes() {}

    static void addTo(RouteTable.Builder routes, Administration admin) {
        routes.get("/admin/v1/audit", request -> Response.json(admin.audit(filterOf(request),
                        QueryParameters.wholeNumber(request, "before", 0, 0, Long.MAX_VALUE),
                        (int) QueryParameters.wholeNumber(request, "limit", 100, 1, 1000))))
                .get("/admin/v1/audit.csv", request -> csv(admin.auditExport(filterOf(request),
                        QueryParameters.wholeNumber(request, "before", 0, 0, Long.MAX_VALUE))));
    }

    /** The filter the request's parameters name; a bad value is a 400 naming its parameter. */
    static AuditFilter filterOf(Request request) {
        Optional<Instant> from = instant(request, "from");
        Optional<Instant> to = instant(request, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new MalformedParameterException("to must be after from, got from " + from.get() + " and to " + to.get());
        }
        return new AuditFilter(text(request, "actor"), text(request, "action"), text(request, "computer"), from, to);
    }

    private static String text(Request request, String name) {
        String value = request.queryParameter(name).map(String::strip).orElse("");
        if (value.length() > MAX_TEXT) {
            throw new MalformedParameterException(name + " must be at most " + MAX_TEXT + " characters, got "
                    + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedParameterException(name + " must not contain control characters");
        }
        return value;
    }

    private static Optional<Instant> instant(Request request, String name) {
        String value = request.queryParameter(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedParameterException(name + " must be an ISO-8601 time such as 2026-12-01T08:00:00Z or "
                    + "a date such as 2026-12-01 (UTC), got \"" + (value.length() > 64 ? value.substring(0, 64) + "…"
                    : value) + "\"");
        }
    }

    /**
     * One part as CSV: at most {@link Administration#AUDIT_EXPORT_PART} rows; {@code entries} holds one more when
     * there are more, and then the answer names the next part's cursor.
     */
    static Response csv(List<AuditEntry> entries) {
        boolean more = entries.size() > Administration.AUDIT_EXPORT_PART;
        List<AuditEntry> part = more ? entries.subList(0, Administration.AUDIT_EXPORT_PART) : entries;
        byte[] body = AuditCsv.of(part).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = more
                ? Map.of(NEXT_BEFORE, Long.toString(part.get(part.size() - 1).id()),
                        "Content-Disposition", "attachment; filename=\"audit.csv\"")
                : Map.of("Content-Disposition", "attachment; filename=\"audit.csv\"");
        return new Response(200, CSV, body, headers);
    }
}
