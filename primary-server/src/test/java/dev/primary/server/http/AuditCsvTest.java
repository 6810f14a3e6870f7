package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {
    @Test
    void cells_a_spreadsheet_would_take_for_a_formula_get_a_leading_apostrophe() {
        assertThat(AuditCsv.field("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(AuditCsv.field("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.field("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.field("\tx")).isEqualTo("'\tx");
        assertThat(AuditCsv.field("\rx")).isEqualTo("\"'\rx\"");
        assertThat(AuditCsv.field("a=b")).as("only the first character counts").isEqualTo("a=b");
        assertThat(AuditCsv.field("")).isEmpty();
    }

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled() {
        assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.field("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(AuditCsv.field("CORP\\PC1")).isEqualTo("CORP\\PC1");
    }

    @Test
    void rows_end_in_crlf_after_a_header() {
        String csv = AuditCsv.of(List.of(new AuditEntry(7, Instant.parse("2026-12-01T10:00:00Z"), "ada",
                "computer.revoked", "CORP\\PC1", "lost, stolen", "10.0.0.5")));

        assertThat(csv).isEqualTo("id,at,actor,action,subject,detail,source\r\n"
                + "7,2026-12-01T10:00:00Z,ada,computer.revoked,CORP\\PC1,\"lost, stolen\",10.0.0.5\r\n");
    }
}
