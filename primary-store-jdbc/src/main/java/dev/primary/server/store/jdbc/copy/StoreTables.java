package dev.primary.server.store.jdbc.copy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every table of Primary's store that holds a site's state, with its columns in one fixed order and the key that
 * orders its rows: the schema both stores reach (SQLite through its migrations V1-V7, PostgreSQL through V1-V3;
 * PostgreSQL's V1_1 adds the fleet's own tables, which are not copied). A
 * table another version adds is not here, and {@link SchemaCheck} refuses to copy a store that has it rather than
 * leave it behind: a copier that skips what it does not know loses data silently.
 */
public final class StoreTables {
    private static final Column.Kind I = Column.Kind.INTEGER;
    private static final Column.Kind T = Column.Kind.TEXT;

    /** The tables in copy order (none refers to another by a database constraint, so any order would do). */
    public static final List<Table> ALL = List.of(
            new Table("licenses", List.of("serial"), columns(
                    "serial", T, "customer", T, "seats", I, "used", I, "issued_at", I, "expires_at", I, "features", T,
                    "license_signature", T, "license_file", T, "registration_code", T, "imported_at", I,
                    "unlocked_at", I, "unlock_file", T)),
            new Table("clients", List.of("client_id"), columns(
                    "client_id", T, "public_key", T, "last_sequence", I, "first_seen", I, "revoked_reason", T)),
            new Table("computers", List.of("id"), columns(
                    "id", I, "holder_key", T, "name_key", T, "computer_name", T, "domain", T, "user_name", T,
                    "client_id", T, "os", T, "client_version", T, "recorder_version", T, "client_state", T,
                    "state", I, "state_reason", T, "state_since", I, "license_serial", T, "waiting_since", I,
                    "lease_id", T, "lease_issued_at", I, "lease_expires_at", I, "verify_interval", I,
                    "first_seen", I, "last_contact", I, "group_name", T, "content_revision", I,
                    "remote_address", T, "nudge_port", I, "enrolled_with", T, "enrolled_from", T,
                    "rekey_allowed", I)),
            new Table("audit", List.of("id"), columns(
                    "id", I, "at", I, "actor", T, "action", T, "subject", T, "detail", T, "source", T)),
            new Table("releases", List.of("product", "version"), columns(
                    "product", T, "version", T, "sha256", T, "added_at", I, "manifest", T)),
            new Table("contents", List.of("revision"), columns(
                    "revision", I, "sha256", T, "added_at", I, "manifest", T)),
            new Table("rollouts", List.of("id"), columns(
                    "id", I, "product", T, "version", T, "group_name", T, "percent", I, "failure_threshold", I,
                    "state", T, "reason", T, "created_at", I, "changed_at", I)),
            new Table("computer_updates", List.of("computer_id", "product", "rollout_id"), columns(
                    "computer_id", I, "product", T, "rollout_id", I, "version", T, "state", T, "reason", T,
                    "updated_at", I)),
            new Table("enrollment_tokens", List.of("id"), columns(
                    "id", T, "secret_hash", T, "label", T, "group_name", T, "uses", I, "used", I, "created_at", I,
                    "created_by", T, "expires_at", I, "revoked_at", I)),
            new Table("accounts", List.of("name"), columns(
                    "name", T, "role", T, "password_hash", T, "created_at", I, "created_by", T, "disabled_at", I)),
            new Table("account_tokens", List.of("id"), columns(
                    "id", T, "account", T, "secret_hash", T, "label", T, "created_at", I, "created_by", T,
                    "expires_at", I, "revoked_at", I)),
            new Table("hourly_stats", List.of("hour"), columns(
                    "hour", I, "check_ins", I, "registrations", I, "reports", I, "sampled_at", I, "licenses", I,
                    "seats", I, "seats_used", I, "active", I, "reserved", I, "waiting", I)));

    /** Tables whose ids the database generates: after a copy the target's generator must start past the copied ids. */
    public static final Set<String> GENERATED_IDS = Set.of("computers", "audit", "rollouts");

    /**
     * Tables that hold no state of their own and are not copied: the migrations' history (each store keeps its own),
     * and on SQLite the computer counts and the trigram search index, both kept by triggers from {@code computers}
     * (PostgreSQL has neither), with the index's own tables.
     */
    private static final Set<String> DERIVED = Set.of("flyway_schema_history", "computer_counts", "computer_search",
            "computer_search_data", "computer_search_idx", "computer_search_content", "computer_search_docsize",
            "computer_search_config");

    /**
     * Tables a PostgreSQL store shared by several servers keeps for the fleet, not copied as rows: its public identity
     * and its jobs' last runs (the first server that starts on a database records its own), and the packages' bytes,
     * which move as files: {@code store backup} writes them to {@code packages/}, and a server on PostgreSQL stores
     * the packages of its data directory in the database when it starts.
     */
    private static final Set<String> FLEET = Set.of("fleet_identity", "fleet_job_runs", "fleet_packages",
            "fleet_package_chunks");

    private StoreTables() {}

    public static Optional<Table> named(String name) {
        return ALL.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** True for a table that is neither copied nor unknown: derived, the fleet's own, or the database's own. */
    static boolean isDerived(String name) {
        return DERIVED.contains(name) || FLEET.contains(name) || name.startsWith("sqlite_");
    }

    private static List<Column> columns(Object... nameAndKind) {
        Column[] columns = new Column[nameAndKind.length / 2];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new Column((String) nameAndKind[2 * i], (Column.Kind) nameAndKind[2 * i + 1]);
        }
        return List.of(columns);
    }
}
