package dev.primary.server.store.jdbc;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.IssuedLease;
import dev.primary.server.computer.UpdateProfile;
import dev.primary.server.enrollment.EnrollmentToken;
import dev.primary.server.account.Account;
import dev.primary.server.account.AccountToken;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.server.licensing.ClientRecord;
import dev.primary.server.licensing.License;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The columns of each table and how a row becomes a domain value and back. Rows are read by
 * column position (in the order of the {@code *_COLUMNS} lists), which matters on the check-in path.
 */
public final class Rows {
    public static final String COMPUTER_COLUMNS = "id, computer_name, domain, user_name, client_id, os, client_version,"
            + " recorder_version, client_state, state, state_reason, state_since, license_serial, waiting_since,"
            + " lease_id, lease_issued_at, lease_expires_at, verify_interval, first_seen, last_contact,"
            + " group_name, content_revision, remote_address, nudge_port";

    /** The columns {@link #computerValues} fills, in order. */
    public static final List<String> COMPUTER_WRITTEN = List.of("holder_key", "name_key", "computer_name", "domain",
            "user_name", "client_id", "os", "client_version", "recorder_version", "client_state", "state",
            "state_reason", "state_since", "license_serial", "waiting_since", "lease_id", "lease_issued_at",
            "lease_expires_at", "verify_interval", "first_seen", "last_contact", "group_name", "content_revision",
            "remote_address", "nudge_port");

    /** What is read of a license: its terms, not the files they came from. */
    public static final String LICENSE_COLUMNS = "serial, customer, seats, used, issued_at, expires_at, features,"
            + " license_signature, registration_code, imported_at, unlocked_at";

    public static final String CLIENT_COLUMNS = "client_id, public_key, last_sequence, first_seen, revoked_reason";

    public static final String TOKEN_COLUMNS = "id, secret_hash, label, group_name, uses, used, created_at, created_by,"
            + " expires_at, revoked_at";

    public static final String AUDIT_COLUMNS = "id, at, actor, action, subject, detail, source";

    private Rows() {}

    public static Computer computer(ResultSet row) throws SQLException {
        return computer(row, 0);
    }

    /** The computer in the {@link #COMPUTER_COLUMNS} that follow the first {@code skipped} columns of {@code row}. */
    public static Computer computer(ResultSet row, int skipped) throws SQLException {
        int at = skipped;
        ComputerIdentity identity = new ComputerIdentity(row.getString(at + 2), row.getString(at + 3),
                row.getString(at + 4));
        String clientVersion = row.getString(at + 7);
        String leaseId = row.getString(at + 15);
        IssuedLease lease = leaseId == null ? null
                : new IssuedLease(leaseId, StoredValues.instant(row, at + 16), StoredValues.instant(row, at + 17));
        return new Computer(row.getLong(at + 1), identity, row.getString(at + 5), row.getString(at + 6),
                clientVersion == null ? null : version(clientVersion), version(row.getString(at + 8)),
                row.getString(at + 9), StateCodes.state(row.getInt(at + 10)), row.getString(at + 11),
                StoredValues.instant(row, at + 12), row.getString(at + 13), StoredValues.instant(row, at + 14), lease,
                row.getLong(at + 18), StoredValues.instant(row, at + 19), StoredValues.instant(row, at + 20),
                new UpdateProfile(row.getString(at + 21), row.getLong(at + 22), row.getString(at + 23),
                        row.getInt(at + 24)));
    }

    /** The values of {@link #COMPUTER_WRITTEN} for {@code computer}. */
    public static Object[] computerValues(Computer computer) {
        ComputerIdentity identity = computer.identity();
        IssuedLease lease = computer.lease();
        UpdateProfile profile = computer.profile();
        return new Object[] {computer.holderKey(), identity.computerName().toLowerCase(Locale.ROOT),
            identity.computerName(), identity.domain(), identity.userName(), computer.clientId(), computer.os(),
            computer.clientVersion() == null ? null : computer.clientVersion().dotted(),
            computer.recorderVersion().dotted(), computer.clientState(), StateCodes.code(computer.state()),
            computer.stateReason(), computer.stateSince(), computer.licenseSerial(), computer.waitingSince(),
            lease == null ? null : lease.leaseId(), lease == null ? null : lease.issuedAt(),
            lease == null ? null : lease.expiresAt(), computer.verifyIntervalSeconds(), computer.firstSeen(),
            computer.lastContact(), profile.group(), profile.contentRevision(), profile.remoteAddress(),
            profile.nudgePort()};
    }

    public static License license(ResultSet row) throws SQLException {
        return license(row, 0);
    }

    /** The license in the {@link #LICENSE_COLUMNS} that follow the first {@code skipped} columns of {@code row}. */
    public static License license(ResultSet row, int skipped) throws SQLException {
        int at = skipped;
        return new License(row.getString(at + 1), row.getString(at + 2), row.getInt(at + 3), row.getInt(at + 4),
                StoredValues.instant(row, at + 5), StoredValues.instant(row, at + 6),
                Arrays.asList(Json.read(bytes(row.getString(at + 7)), String[].class)), row.getString(at + 8),
                row.getString(at + 9), StoredValues.instant(row, at + 10), StoredValues.instant(row, at + 11));
    }

    public static ClientRecord client(ResultSet row) throws SQLException {
        return new ClientRecord(row.getString(1), PublicKey.decodeStored(row.getString(2)), row.getLong(3),
                StoredValues.instant(row, 4), row.getString(5));
    }

    /** How many columns each list names: where the next table's columns start in a joined row. */
    public static int count(String columns) {
        return columns.split(",").length;
    }

    /** {@code columns} (a {@code *_COLUMNS} list) qualified by {@code table}: {@code c.id, c.computer_name, ...}. */
    public static String qualified(String table, String columns) {
        return Arrays.stream(columns.split(",")).map(column -> table + "." + column.strip())
                .collect(Collectors.joining(", "));
    }

    public static final String ACCOUNT_COLUMNS = "name, role, password_hash, created_at, created_by, disabled_at";
    public static final String ACCOUNT_TOKEN_COLUMNS = "id, account, secret_hash, label, created_at, created_by,"
            + " expires_at, revoked_at";

    public static Account account(ResultSet row) throws SQLException {
        return new Account(row.getString(1), AccountRole.fromWire(row.getString(2)), row.getString(3),
                StoredValues.instant(row, 4), row.getString(5), StoredValues.instant(row, 6));
    }

    public static AccountToken accountToken(ResultSet row) throws SQLException {
        return new AccountToken(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                StoredValues.instant(row, 5), row.getString(6), StoredValues.instant(row, 7),
                StoredValues.instant(row, 8));
    }

    public static EnrollmentToken token(ResultSet row) throws SQLException {
        return new EnrollmentToken(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getInt(5), row.getInt(6), StoredValues.instant(row, 7), row.getString(8),
                StoredValues.instant(row, 9), StoredValues.instant(row, 10));
    }

    public static AuditEntry audit(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong(1), StoredValues.instant(row, 2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7));
    }

    /** {@code value} as JSON text, for the JSON columns. */
    public static String text(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    /** Reads the dotted form {@code 1.2.345} that {@link Version#dotted()} writes, without a regular expression. */
    public static Version version(String dotted) {
        int first = dotted.indexOf('.');
        int second = dotted.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return Version.parse(dotted);
        }
        return new Version(Integer.parseInt(dotted, 0, first, 10), Integer.parseInt(dotted, first + 1, second, 10),
                Integer.parseInt(dotted, second + 1, dotted.length(), 10));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
