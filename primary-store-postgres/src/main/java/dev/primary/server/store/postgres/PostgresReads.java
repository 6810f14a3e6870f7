package dev.primary.server.store.postgres;

import dev.primary.server.computer.Computer;
import dev.primary.server.licensing.ClientHoldings;
import dev.primary.server.licensing.ClientRecord;
import dev.primary.server.licensing.License;
import dev.primary.server.store.jdbc.JdbcReads;
import dev.primary.server.store.jdbc.Rows;
import dev.primary.server.store.jdbc.SqlStatements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared reads, with what a round trip to the database changes: a client's holdings, which every check-in that
 * keeps its lease reads, come in one statement instead of three. (The embedded store keeps the three: there a
 * statement is a call in the same process, and the join measured slower in outage recovery, see
 * {@code docs/performance.md}.)
 */
final class PostgresReads extends JdbcReads {
    /** A client, each of its computers (none: one row of nulls) and each one's license, in one statement. */
    static final String CLIENT_HOLDINGS = "SELECT " + Rows.qualified("cl", Rows.CLIENT_COLUMNS) + ", "
            + Rows.qualified("c", Rows.COMPUTER_COLUMNS) + ", " + Rows.qualified("l", Rows.LICENSE_COLUMNS)
            + " FROM clients cl LEFT JOIN computers c ON c.client_id = cl.client_id"
            + " LEFT JOIN licenses l ON l.serial = c.license_serial WHERE cl.client_id = ? ORDER BY c.id";
    private static final int COMPUTER_AFTER = Rows.count(Rows.CLIENT_COLUMNS);
    private static final int LICENSE_AFTER = COMPUTER_AFTER + Rows.count(Rows.COMPUTER_COLUMNS);

    PostgresReads(SqlStatements statements) {
        super(statements, PostgresDialect.INSTANCE);
    }

    @Override
    public Optional<ClientHoldings> clientHoldings(String clientId) {
        List<HoldingRow> rows = statements.list(CLIENT_HOLDINGS, row -> new HoldingRow(Rows.client(row),
                row.getObject(COMPUTER_AFTER + 1) == null ? null : Rows.computer(row, COMPUTER_AFTER),
                row.getString(LICENSE_AFTER + 1) == null ? null : Rows.license(row, LICENSE_AFTER)), clientId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Computer> computers = new ArrayList<>(rows.size());
        Map<String, License> licenses = new HashMap<>();
        for (HoldingRow row : rows) {
            if (row.computer() != null) {
                computers.add(row.computer());
            }
            if (row.license() != null) {
                licenses.putIfAbsent(row.license().serial(), row.license());
            }
        }
        return Optional.of(new ClientHoldings(rows.get(0).client(), computers, licenses));
    }

    /** One row of {@link #CLIENT_HOLDINGS}: the computer and license are {@code null} where the join found none. */
    private record HoldingRow(ClientRecord client, Computer computer, License license) {}
}
