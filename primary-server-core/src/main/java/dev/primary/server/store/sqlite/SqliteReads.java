package dev.primary.server.store.sqlite;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.server.computer.Computer;
import dev.primary.server.licensing.ClientRecord;
import dev.primary.server.licensing.ComputerRows;
import dev.primary.server.licensing.HolderCounts;
import dev.primary.server.licensing.License;
import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.PoolSize;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The licensing core's reads, in SQL over one {@link SqlSession}. */
class SqliteReads implements LicensingReads {
    private static final String SELECT_COMPUTERS = "SELECT " + Rows.COMPUTER_COLUMNS + " FROM computers";
    private static final String SELECT_LICENSES = "SELECT " + Rows.LICENSE_COLUMNS + " FROM licenses";
    private static final String ACTIVE_LICENSE = "unlocked_at IS NOT NULL AND (expires_at IS NULL OR expires_at > ?)";

    static final String COMPUTERS_OF_CLIENT = SELECT_COMPUTERS + " WHERE client_id = ? ORDER BY id";
    static final String COMPUTERS_NAMED = SELECT_COMPUTERS + " WHERE name_key = ? AND user_name = '' ORDER BY holder_key";
    static final String OLDEST_WAITING = SELECT_COMPUTERS + " WHERE state = " + StateCodes.WAITING
            + " ORDER BY waiting_since, id LIMIT 1";
    static final String WAITING_AHEAD = "SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.WAITING
            + " AND (waiting_since, id) < (?, ?)";
    static final String SILENT_SINCE = SELECT_COMPUTERS + " WHERE state = " + StateCodes.LICENSED
            + " AND last_contact < ? ORDER BY last_contact LIMIT ?";

    final SqlSession session;

    SqliteReads(SqlSession session) {
        this.session = session;
    }

    @Override
    public Optional<ClientRecord> client(String clientId) {
        return session.one("SELECT " + Rows.CLIENT_COLUMNS + " FROM clients WHERE client_id = ?", Rows::client,
                clientId);
    }

    @Override
    public List<Computer> computersOfClient(String clientId) {
        return session.list(COMPUTERS_OF_CLIENT, Rows::computer, clientId);
    }

    @Override
    public Optional<Computer> computerByKey(String holderKey) {
        return session.one(SELECT_COMPUTERS + " WHERE holder_key = ?", Rows::computer, holderKey);
    }

    @Override
    public List<Computer> computersNamed(String computerName) {
        return session.list(COMPUTERS_NAMED, Rows::computer, computerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<License> license(String serial) {
        return session.one(SELECT_LICENSES + " WHERE serial = ?", Rows::license, serial);
    }

    @Override
    public List<License> licenses() {
        return session.list(SELECT_LICENSES + " ORDER BY serial", Rows::license);
    }

    @Override
    public List<Computer> seatsOf(String serial) {
        return session.list(SELECT_COMPUTERS + " WHERE license_serial = ? ORDER BY name_key, holder_key",
                Rows::computer, serial);
    }

    @Override
    public Optional<License> licenseWithFreeSeat(Instant now) {
        return session.one(SELECT_LICENSES + " WHERE " + ACTIVE_LICENSE + " AND used < seats"
                + " ORDER BY CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END, expires_at, serial LIMIT 1",
                Rows::license, now);
    }

    @Override
    public Optional<Computer> oldestWaiting() {
        return session.one(OLDEST_WAITING, Rows::computer);
    }

    @Override
    public int queuePosition(Computer waiting) {
        if (waiting.waitingSince() == null) {
            return 0;
        }
        long ahead = session.number(WAITING_AHEAD, waiting.waitingSince(), waiting.id());
        return Math.toIntExact(ahead + 1);
    }

    @Override
    public List<Computer> silentSince(Instant cutoff, int limit) {
        return session.list(SILENT_SINCE, Rows::computer, cutoff, limit);
    }

    @Override
    public PoolSize poolSize(Instant now) {
        return session.one("SELECT COUNT(*), COALESCE(SUM(seats), 0), COALESCE(SUM(used), 0) FROM licenses WHERE "
                + ACTIVE_LICENSE, row -> new PoolSize(row.getInt(1), row.getInt(2), row.getInt(3)), now).orElseThrow();
    }

    @Override
    public HolderCounts holderCounts(Instant now) {
        return session.one("SELECT (SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.LICENSED
                + " AND lease_expires_at > ?), (SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.RESERVED
                + "), (SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.WAITING + ")",
                row -> new HolderCounts(row.getInt(1), row.getInt(2), row.getInt(3)), now).orElseThrow();
    }

    @Override
    public ComputerRows computers(ComputerQuery query, Instant now) {
        ComputerQuerySql sql = new ComputerQuerySql(query, now);
        long total = session.number(sql.countSql(), sql.countParameters());
        List<Computer> rows = total <= query.offset() ? List.of()
                : session.list(sql.pageSql(), Rows::computer, sql.pageParameters(query.limit(), query.offset()));
        return new ComputerRows(total, rows);
    }

    @Override
    public List<AuditEntry> audit(long beforeId, int limit) {
        return session.list("SELECT " + Rows.AUDIT_COLUMNS + " FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?",
                Rows::audit, beforeId == 0 ? Long.MAX_VALUE : beforeId, limit);
    }
}
