package dev.primary.server.store.jdbc;

import dev.primary.server.audit.AuditFilter;
import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerQuery;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecord;
import dev.primary.server.enrollment.ComputerEnrollment;
import dev.primary.server.enrollment.EnrollmentToken;
import dev.primary.server.account.Account;
import dev.primary.server.account.AccountToken;
import dev.primary.server.licensing.ClientRecord;
import dev.primary.server.licensing.ComputerRows;
import dev.primary.server.licensing.HolderCounts;
import dev.primary.server.licensing.License;
import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.PoolSize;
import dev.primary.server.release.ContentUpdate;
import dev.primary.server.release.Release;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.Rollout;
import dev.primary.server.release.RolloutCounts;
import dev.primary.protocol.admin.HourlyStats;
import dev.primary.protocol.release.UpdateState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The licensing and release cores' reads, in the SQL that SQLite and PostgreSQL share, over one
 * {@link SqlStatements}; where their SQL differs, the store's {@link SqlDialect} gives it.
 */
public class JdbcReads implements LicensingReads, ReleaseReads {
    public static final String SELECT_COMPUTERS = "SELECT " + Rows.COMPUTER_COLUMNS + " FROM computers";
    private static final String SELECT_LICENSES = "SELECT " + Rows.LICENSE_COLUMNS + " FROM licenses";
    private static final String ACTIVE_LICENSE = "unlocked_at IS NOT NULL AND (expires_at IS NULL OR expires_at > ?)";

    public static final String COMPUTERS_OF_CLIENT = SELECT_COMPUTERS + " WHERE client_id = ? ORDER BY id";
    /** Conflicts are claims, not computers: an administrator's name finds the holder only. */
    public static final String COMPUTERS_NAMED = SELECT_COMPUTERS + " WHERE name_key = ? AND user_name = ''"
            + " AND state != " + StateCodes.CONFLICT + " ORDER BY holder_key";
    public static final String OLDEST_WAITING = SELECT_COMPUTERS + " WHERE state = " + StateCodes.WAITING
            + " ORDER BY waiting_since, id LIMIT 1";
    public static final String WAITING_AHEAD = "SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.WAITING
            + " AND (waiting_since, id) < (?, ?)";
    public static final String WAITING_BETWEEN = "SELECT COUNT(*) FROM computers WHERE state = " + StateCodes.WAITING
            + " AND (waiting_since, id) >= (?, ?) AND (waiting_since, id) < (?, ?)";
    public static final String UPDATE_RECORDS = "SELECT " + ReleaseRows.UPDATE_COLUMNS
            + " FROM computer_updates WHERE computer_id = ?";
    public static final String RECORDER_RUNNING = "SELECT COUNT(*) FROM computers WHERE recorder_version = ?"
            + " AND state = " + StateCodes.LICENSED;
    public static final String CLIENT_RUNNING = "SELECT COUNT(*) FROM computers WHERE client_version = ? AND state = "
            + StateCodes.LICENSED;
    public static final String CONTENT_APPLIED = "SELECT COUNT(*) FROM computers WHERE content_revision = ?"
            + " AND state = " + StateCodes.LICENSED;
    public static final String NUDGEABLE = SELECT_COMPUTERS + " WHERE id > ? AND state = " + StateCodes.LICENSED
            + " AND nudge_port > 0 ORDER BY id LIMIT ?";
    public static final String SILENT_SINCE = SELECT_COMPUTERS + " WHERE state = " + StateCodes.LICENSED
            + " AND last_contact < ? ORDER BY last_contact LIMIT ?";

    protected final SqlStatements statements;
    protected final SqlDialect dialect;

    public JdbcReads(SqlStatements statements, SqlDialect dialect) {
        this.statements = statements;
        this.dialect = dialect;
    }

    @Override
    public Optional<ClientRecord> client(String clientId) {
        return statements.one("SELECT " + Rows.CLIENT_COLUMNS + " FROM clients WHERE client_id = ?", Rows::client,
                clientId);
    }

    @Override
    public List<Computer> computersOfClient(String clientId) {
        return statements.list(COMPUTERS_OF_CLIENT, Rows::computer, clientId);
    }

    @Override
    public Optional<Computer> computerById(long id) {
        return statements.one(SELECT_COMPUTERS + " WHERE id = ?", Rows::computer, id);
    }

    @Override
    public Optional<Computer> computerByKey(String holderKey) {
        return statements.one(SELECT_COMPUTERS + " WHERE holder_key = ?", Rows::computer, holderKey);
    }

    @Override
    public List<Computer> computersNamed(String computerName) {
        return statements.list(COMPUTERS_NAMED, Rows::computer, computerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<License> license(String serial) {
        return statements.one(SELECT_LICENSES + " WHERE serial = ?", Rows::license, serial);
    }

    @Override
    public List<License> licenses() {
        return statements.list(SELECT_LICENSES + " ORDER BY serial", Rows::license);
    }

    @Override
    public List<Computer> seatsOf(String serial) {
        return statements.list(SELECT_COMPUTERS + " WHERE license_serial = ? ORDER BY name_key, holder_key",
                Rows::computer, serial);
    }

    @Override
    public Optional<License> licenseWithFreeSeat(Instant now) {
        return statements.one(SELECT_LICENSES + " WHERE " + ACTIVE_LICENSE + " AND used < seats"
                + " ORDER BY CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END, expires_at, serial LIMIT 1",
                Rows::license, now);
    }

    @Override
    public Optional<Computer> oldestWaiting() {
        return statements.one(OLDEST_WAITING, Rows::computer);
    }

    @Override
    public int queuePosition(Computer waiting) {
        if (waiting.waitingSince() == null) {
            return 0;
        }
        long ahead = statements.number(WAITING_AHEAD, waiting.waitingSince(), waiting.id());
        return Math.toIntExact(ahead + 1);
    }

    @Override
    public List<Computer> silentSince(Instant cutoff, int limit) {
        return statements.list(SILENT_SINCE, Rows::computer, cutoff, limit);
    }

    /**
     * Counts the queue once, in order, up to the last of the page's waiting computers: the places of a
     * whole page cost one pass over the index, not one count from the head of the queue each.
     */
    @Override
    public Map<Long, Integer> queuePositions(List<Computer> computers) {
        List<Computer> queued = computers.stream()
                .filter(computer -> computer.state() == ComputerState.WAITING && computer.waitingSince() != null)
                .sorted(Comparator.comparing(Computer::waitingSince).thenComparing(Computer::id))
                .toList();
        Map<Long, Integer> places = new HashMap<>();
        long ahead = 0;
        Computer previous = null;
        for (Computer computer : queued) {
            ahead += previous == null
                    ? statements.number(WAITING_AHEAD, computer.waitingSince(), computer.id())
                    : statements.number(WAITING_BETWEEN, previous.waitingSince(), previous.id(),
                            computer.waitingSince(), computer.id());
            places.put(computer.id(), Math.toIntExact(ahead + 1));
            previous = computer;
        }
        return places;
    }

    @Override
    public PoolSize poolSize(Instant now) {
        return statements.one("SELECT COUNT(*), COALESCE(SUM(seats), 0), COALESCE(SUM(used), 0) FROM licenses WHERE "
                + ACTIVE_LICENSE, row -> new PoolSize(row.getInt(1), row.getInt(2), row.getInt(3)), now).orElseThrow();
    }

    @Override
    public HolderCounts holderCounts(Instant now) {
        return statements.one(dialect.holderCounts(),
                row -> new HolderCounts(row.getInt(1), row.getInt(2), row.getInt(3)), now).orElseThrow();
    }

    @Override
    public ComputerRows computers(ComputerQuery query, Instant now) {
        ComputerPageSql sql = dialect.computerPage().apply(query, now);
        long total = statements.number(sql.countSql(), sql.countParameters());
        List<Computer> rows = total <= query.offset() ? List.of()
                : statements.list(sql.pageSql(total), Rows::computer,
                        sql.pageParameters(query.limit(), query.offset()));
        return new ComputerRows(total, rows);
    }

    @Override
    public List<UpdateRecord> updateRecords(long computerId) {
        return statements.list(UPDATE_RECORDS, ReleaseRows::update, computerId);
    }

    @Override
    public List<Release> releases() {
        return statements.list("SELECT " + ReleaseRows.RELEASE_COLUMNS + " FROM releases", ReleaseRows::release);
    }

    @Override
    public List<ContentUpdate> contents() {
        return statements.list("SELECT " + ReleaseRows.CONTENT_COLUMNS + " FROM contents", ReleaseRows::content);
    }

    @Override
    public List<Rollout> rollouts() {
        return statements.list("SELECT " + ReleaseRows.ROLLOUT_COLUMNS + " FROM rollouts", ReleaseRows::rollout);
    }

    @Override
    public Optional<Rollout> rollout(long id) {
        return statements.one("SELECT " + ReleaseRows.ROLLOUT_COLUMNS + " FROM rollouts WHERE id = ?",
                ReleaseRows::rollout, id);
    }

    @Override
    public RolloutCounts rolloutCounts(long rolloutId) {
        return statements.one(dialect.rolloutCounts(),
                row -> new RolloutCounts(row.getLong(1), row.getLong(2), row.getLong(3)), rolloutId)
                .orElse(RolloutCounts.NONE);
    }

    @Override
    public long computersRunning(Product product, Version version) {
        return statements.number(product == Product.RECORDER ? RECORDER_RUNNING : CLIENT_RUNNING, version.dotted());
    }

    @Override
    public long computersWithContent(long revision) {
        return statements.number(CONTENT_APPLIED, revision);
    }

    @Override
    public List<Computer> nudgeableComputers(long afterId, int limit) {
        return statements.list(NUDGEABLE, Rows::computer, afterId, limit);
    }

    @Override
    public List<Computer> silentIn(ComputerState state, Instant cutoff, String tokenId, int limit) {
        return statements.list(dialect.silentInState(), Rows::computer, StateCodes.code(state), cutoff, tokenId,
                tokenId, limit);
    }

    @Override
    public Optional<Account> account(String name) {
        return statements.one("SELECT " + Rows.ACCOUNT_COLUMNS + " FROM accounts WHERE name = ?", Rows::account, name);
    }

    @Override
    public List<Account> accounts() {
        return statements.list("SELECT " + Rows.ACCOUNT_COLUMNS + " FROM accounts ORDER BY name", Rows::account);
    }

    @Override
    public Optional<AccountToken> accountToken(String id) {
        return statements.one("SELECT " + Rows.ACCOUNT_TOKEN_COLUMNS + " FROM account_tokens WHERE id = ?",
                Rows::accountToken, id);
    }

    @Override
    public List<AccountToken> accountTokens(String account) {
        return statements.list("SELECT " + Rows.ACCOUNT_TOKEN_COLUMNS + " FROM account_tokens WHERE account = ?"
                + " ORDER BY created_at DESC, id", Rows::accountToken, account);
    }

    @Override
    public Optional<EnrollmentToken> enrollmentToken(String id) {
        return statements.one("SELECT " + Rows.TOKEN_COLUMNS + " FROM enrollment_tokens WHERE id = ?", Rows::token, id);
    }

    @Override
    public List<EnrollmentToken> enrollmentTokens() {
        return statements.list("SELECT " + Rows.TOKEN_COLUMNS + " FROM enrollment_tokens ORDER BY created_at DESC, id",
                Rows::token);
    }

    @Override
    public Optional<ComputerEnrollment> enrollmentOf(long computerId) {
        return statements.one("SELECT enrolled_with, enrolled_from, rekey_allowed FROM computers WHERE id = ?",
                row -> new ComputerEnrollment(row.getString(1), row.getString(2), row.getInt(3) != 0), computerId);
    }

    @Override
    public List<SourceCount> enrollmentSources(int limit) {
        return statements.list("SELECT enrolled_from, COUNT(*) FROM computers WHERE enrolled_from != ''"
                + " GROUP BY enrolled_from ORDER BY COUNT(*) DESC, enrolled_from LIMIT ?",
                row -> new SourceCount(row.getString(1), row.getLong(2)), limit);
    }

    @Override
    public List<AuditEntry> audit(long beforeId, int limit) {
        return statements.list("SELECT " + Rows.AUDIT_COLUMNS + " FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?",
                Rows::audit, beforeId == 0 ? Long.MAX_VALUE : beforeId, limit);
    }

    @Override
    public List<AuditEntry> audit(AuditFilter filter, long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + Rows.AUDIT_COLUMNS + " FROM audit WHERE id < ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(beforeId == 0 ? Long.MAX_VALUE : beforeId);
        if (!filter.actor().isEmpty()) {
            sql.append(" AND actor = ?");
            parameters.add(filter.actor());
        }
        if (!filter.action().isEmpty()) {
            sql.append(" AND action = ?");
            parameters.add(filter.action());
        }
        if (!filter.subject().isEmpty()) {
            sql.append(" AND subject = ?");
            parameters.add(filter.subject());
        }
        filter.from().ifPresent(from -> {
            sql.append(" AND at >= ?");
            parameters.add(from.toEpochMilli());
        });
        filter.to().ifPresent(to -> {
            sql.append(" AND at < ?");
            parameters.add(to.toEpochMilli());
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        parameters.add(limit);
        return statements.list(sql.toString(), Rows::audit, parameters.toArray());
    }

    @Override
    public List<HourlyStats> hourlyStats(Instant from, Instant to) {
        return statements.list(HourlyStatsRows.SELECT_RANGE, HourlyStatsRows::hour, from, to);
    }

    @Override
    public boolean hourSampled(Instant hour) {
        return statements.number(HourlyStatsRows.SAMPLED, hour) > 0;
    }

    @Override
    public Map<String, Long> recorderVersionCounts() {
        Map<String, Long> counts = new HashMap<>();
        statements.list(HourlyStatsRows.RECORDER_VERSIONS,
                row -> counts.put(row.getString(1), row.getLong(2)));
        return counts;
    }

    @Override
    public Map<UpdateState, Long> rolloutStateCounts(long rolloutId) {
        Map<UpdateState, Long> counts = new EnumMap<>(UpdateState.class);
        statements.list(HourlyStatsRows.ROLLOUT_STATES,
                row -> counts.put(UpdateState.fromWire(row.getString(1)), row.getLong(2)), rolloutId);
        return counts;
    }
}
