package dev.primary.server.store.jdbc;

import dev.primary.protocol.admin.HourlyStats;
import dev.primary.server.stats.HourCounts;

import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.UpdateRecord;
import dev.primary.server.enrollment.ComputerEnrollment;
import dev.primary.server.enrollment.EnrollmentToken;
import dev.primary.server.account.Account;
import dev.primary.server.account.AccountToken;
import dev.primary.server.licensing.ClientRecord;
import dev.primary.server.licensing.License;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ContentUpdate;
import dev.primary.server.release.Release;
import dev.primary.server.release.ReleaseWrites;
import dev.primary.server.release.Rollout;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The licensing and release cores' changes, in the SQL that SQLite and PostgreSQL share, over one
 * {@link SqlStatements}; where their SQL differs, the store's {@link SqlDialect} gives it.
 */
public class JdbcWrites extends JdbcReads implements LicensingWrites, ReleaseWrites {
    private static final String INSERT_COMPUTER = "INSERT INTO computers (" + String.join(", ", Rows.COMPUTER_WRITTEN)
            + ") VALUES (" + Rows.COMPUTER_WRITTEN.stream().map(column -> "?").collect(Collectors.joining(", "))
            + ") RETURNING id";
    private static final String INSERT_ROLLOUT = "INSERT INTO rollouts (product, version, group_name, percent,"
            + " failure_threshold, state, reason, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String UPDATE_ROLLOUT = "UPDATE rollouts SET product = ?, version = ?, group_name = ?,"
            + " percent = ?, failure_threshold = ?, state = ?, reason = ?, created_at = ?, changed_at = ? WHERE id = ?";
    private static final String UPDATE_COMPUTER = "UPDATE computers SET "
            + Rows.COMPUTER_WRITTEN.stream().map(column -> column + " = ?").collect(Collectors.joining(", "))
            + " WHERE id = ?";

    public JdbcWrites(SqlStatements statements, SqlDialect dialect) {
        super(statements, dialect);
    }

    @Override
    public void insertClient(ClientRecord client) {
        statements.update("INSERT INTO clients (" + Rows.CLIENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)", client.clientId(),
                client.publicKey().encoded(), client.lastSequence(), client.firstSeen(), client.revokedReason());
    }

    @Override
    public void setClientRevocation(String clientId, String reason) {
        requireOneRow(statements.update("UPDATE clients SET revoked_reason = ? WHERE client_id = ?", reason, clientId),
                "client " + clientId);
    }

    @Override
    public void insertAccount(Account account) {
        statements.update("INSERT INTO accounts (" + Rows.ACCOUNT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                account.name(), account.role().wireName(), account.passwordHash(), account.createdAt(),
                account.createdBy(), account.disabledAt());
    }

    @Override
    public void updateAccount(Account account) {
        requireOneRow(statements.update("UPDATE accounts SET role = ?, password_hash = ?, disabled_at = ?"
                + " WHERE name = ?", account.role().wireName(), account.passwordHash(), account.disabledAt(),
                account.name()), "account " + account.name());
    }

    @Override
    public void insertAccountToken(AccountToken token) {
        statements.update("INSERT INTO account_tokens (" + Rows.ACCOUNT_TOKEN_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", token.id(), token.account(), token.secretHash(), token.label(),
                token.createdAt(), token.createdBy(), token.expiresAt(), token.revokedAt());
    }

    @Override
    public void updateAccountToken(AccountToken token) {
        requireOneRow(statements.update("UPDATE account_tokens SET revoked_at = ? WHERE id = ?", token.revokedAt(),
                token.id()), "account token " + token.id());
    }

    @Override
    public void insertEnrollmentToken(EnrollmentToken token) {
        statements.update("INSERT INTO enrollment_tokens (" + Rows.TOKEN_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                token.id(), token.secretHash(), token.label(), token.group(), token.uses(), token.used(),
                token.createdAt(), token.createdBy(), token.expiresAt(), token.revokedAt());
    }

    @Override
    public void updateEnrollmentToken(EnrollmentToken token) {
        requireOneRow(statements.update("UPDATE enrollment_tokens SET used = ?, revoked_at = ? WHERE id = ?",
                token.used(), token.revokedAt(), token.id()), "enrollment token " + token.id());
    }

    @Override
    public void saveEnrollment(long computerId, ComputerEnrollment enrollment) {
        requireOneRow(statements.update("UPDATE computers SET enrolled_with = ?, enrolled_from = ?, rekey_allowed = ?"
                + " WHERE id = ?", enrollment.tokenId(), enrollment.source(), enrollment.rekeyAllowed() ? 1 : 0,
                computerId), "computer " + computerId);
    }

    @Override
    public boolean advanceSequence(String clientId, long sequence) {
        return statements.update("UPDATE clients SET last_sequence = ? WHERE client_id = ? AND last_sequence < ?",
                sequence, clientId, sequence) == 1;
    }

    @Override
    public Computer insertComputer(Computer computer) {
        long id = statements.number(INSERT_COMPUTER, Rows.computerValues(computer));
        return computer.withId(id);
    }

    @Override
    public void updateComputer(Computer computer) {
        requireOneRow(statements.update(UPDATE_COMPUTER, thenId(Rows.computerValues(computer), computer.id())),
                "computer " + computer.id());
    }

    @Override
    public void touchContact(long computerId, Instant at) {
        statements.update("UPDATE computers SET last_contact = ? WHERE id = ? AND (last_contact IS NULL OR last_contact < ?)",
                at, computerId, at);
    }

    @Override
    public void deleteComputer(long id) {
        statements.update("DELETE FROM computer_updates WHERE computer_id = ?", id);
        requireOneRow(statements.update("DELETE FROM computers WHERE id = ?", id), "computer " + id);
    }

    @Override
    public void insertLicense(License license, SignedDocument licenseFile) {
        statements.update("INSERT INTO licenses (serial, customer, seats, used, issued_at, expires_at, features,"
                + " license_signature, registration_code, imported_at, license_file)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", license.serial(), license.customer(), license.seats(),
                license.used(), license.issuedAt(), license.expiresAt(), features(license), license.fileSignature(),
                license.registrationCode(), license.importedAt(), Rows.text(licenseFile));
    }

    @Override
    public void updateLicenseTerms(License license, SignedDocument licenseFile) {
        requireOneRow(statements.update("UPDATE licenses SET customer = ?, seats = ?, issued_at = ?, expires_at = ?,"
                + " features = ?, license_signature = ?, license_file = ? WHERE serial = ?", license.customer(),
                license.seats(), license.issuedAt(), license.expiresAt(), features(license), license.fileSignature(),
                Rows.text(licenseFile), license.serial()), "license " + license.serial());
    }

    @Override
    public void unlockLicense(String serial, Instant unlockedAt, SignedDocument unlockFile) {
        requireOneRow(statements.update("UPDATE licenses SET unlocked_at = ?, unlock_file = ? WHERE serial = ?",
                unlockedAt, Rows.text(unlockFile), serial), "license " + serial);
    }

    private static String features(License license) {
        return Rows.text(license.features().toArray(String[]::new));
    }

    @Override
    public void changeSeatsUsed(String serial, int delta) {
        requireOneRow(statements.update("UPDATE licenses SET used = used + ? WHERE serial = ?", delta, serial),
                "license " + serial);
    }

    @Override
    public void saveUpdateRecord(long computerId, UpdateRecord record) {
        statements.update(dialect.saveUpdateRecord(), computerId, record.product().wireName(), record.rolloutId(),
                record.version().dotted(), record.state().wireName(), record.reason(), record.updatedAt());
    }

    @Override
    public void insertRelease(Release release) {
        statements.update("INSERT INTO releases (product, version, sha256, added_at, manifest) VALUES (?, ?, ?, ?, ?)",
                release.product().wireName(), release.version().dotted(), release.sha256(), release.addedAt(),
                Rows.text(release.document()));
    }

    @Override
    public void insertContent(ContentUpdate content) {
        statements.update("INSERT INTO contents (revision, sha256, added_at, manifest) VALUES (?, ?, ?, ?)",
                content.revision(), content.sha256(), content.addedAt(), Rows.text(content.document()));
    }

    @Override
    public Rollout insertRollout(Rollout rollout) {
        return rollout.withId(statements.number(INSERT_ROLLOUT, ReleaseRows.rolloutValues(rollout)));
    }

    @Override
    public void updateRollout(Rollout rollout) {
        requireOneRow(statements.update(UPDATE_ROLLOUT, thenId(ReleaseRows.rolloutValues(rollout), rollout.id())),
                "rollout " + rollout.id());
    }

    @Override
    public void assignGroup(long computerId, String group) {
        requireOneRow(statements.update("UPDATE computers SET group_name = ? WHERE id = ?", group, computerId),
                "computer " + computerId);
    }

    @Override
    public void audit(AuditEvent event) {
        statements.update("INSERT INTO audit (at, actor, action, subject, detail, source) VALUES (?, ?, ?, ?, ?, ?)",
                event.at(), event.actor(), event.action().wireName(), event.subject(), event.detail(), event.source());
    }

    @Override
    public void addHourlyCounts(HourCounts counts) {
        statements.update(HourlyStatsRows.ADD_COUNTS, counts.hour(), counts.checkIns(), counts.registrations(),
                counts.reports());
    }

    @Override
    public void saveHourlySample(Instant hour, HourlyStats.SeatSample sample) {
        statements.update(HourlyStatsRows.SAVE_SAMPLE, hour, sample.at(), sample.licenses(), sample.seats(),
                sample.used(), sample.active(), sample.reserved(), sample.waiting());
    }

    @Override
    public int deleteHourlyStatsBefore(Instant hour) {
        return statements.update(HourlyStatsRows.DELETE_BEFORE, hour);
    }

    /** {@code values} and then {@code id}: the parameters of an UPDATE that sets the values of the row with the id. */
    private static Object[] thenId(Object[] values, long id) {
        Object[] parameters = Arrays.copyOf(values, values.length + 1);
        parameters[values.length] = id;
        return parameters;
    }

    private static void requireOneRow(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException(what + " was expected in the store but " + rows + " rows changed");
        }
    }
}
