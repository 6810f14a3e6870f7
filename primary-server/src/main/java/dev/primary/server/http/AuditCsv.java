package dev.primary.server.http;

import dev.primary.protocol.admin.AuditEntry;
import java.util.List;

/**
 * Audit entries as RFC 4180 CSV (CRLF line ends, a header row, a field quoted when it holds a comma, a quote, CR or
 * LF, quotes doubled). A field that a spreadsheet would take for a formula, one starting with {@code = + - @}, TAB
 * or CR, gets a leading apostrophe, so that an actor or subject chosen by a client cannot run in the reader's
 * spreadsheet.
 */
final class AuditCsv {
    static final String HEADER = "id,at,actor,action,subject,detail,source";

    private AuditCsv() {}

    static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder(64 + entries.size() * 120).append(HEADER).append("\r\n");
        for (AuditEntry entry : entries) {
            csv.append(entry.id()).append(',').append(entry.at()).append(',').append(field(entry.actor())).append(',')
                    .append(field(entry.action())).append(',').append(field(entry.subject())).append(',')
                    .append(field(entry.detail())).append(',').append(field(entry.source())).append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
