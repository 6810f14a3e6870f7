package dev.primary.bench.harness;

import dev.primary.protocol.message.ComputerIdentity;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One seeded computer and its client, as the store's rows hold a computer that registered some days ago and has
 * checked in every four hours since: licensed with a lease renewed at its last contact, or queued for a seat.
 * Values follow the store's {@code Rows.computerValues} (times in epoch milliseconds, versions dotted, state codes
 * 0 licensed / 2 waiting).
 */
record SeededComputer(int number, ComputerIdentity identity, SeededClientKey clientKey, String licenseSerial,
        Instant firstSeen, Instant lastContact, String os, String clientVersion, String recorderVersion,
        String remoteAddress) {
    static final String CLIENT_COLUMNS = "client_id, public_key, last_sequence, first_seen";
    /** The columns the store's {@code Rows.COMPUTER_WRITTEN} names, in its order. */
    static final List<String> COMPUTER_COLUMNS = List.of("holder_key", "name_key", "computer_name", "domain",
            "user_name", "client_id", "os", "client_version", "recorder_version", "client_state", "state",
            "state_reason", "state_since", "license_serial", "waiting_since", "lease_id", "lease_issued_at",
            "lease_expires_at", "verify_interval", "first_seen", "last_contact", "group_name", "content_revision",
            "remote_address", "nudge_port");
    static final Duration CHECK_IN_INTERVAL = Duration.ofHours(4);
    /** The server's default lease validity; a seeded lease runs that long from the last contact. */
    static final Duration LEASE_VALIDITY = Duration.ofDays(7);
    private static final int LICENSED = 0;
    private static final int WAITING = 2;
    private static final String[] OPERATING_SYSTEMS = {"Windows 11 10.0 amd64", "Windows 10 10.0 amd64",
        "Windows Server 2022 10.0 amd64", "Windows 11 10.0 aarch64"};
    private static final String[] CLIENT_VERSIONS = {"1.4.2", "1.4.1", "1.3.9"};
    private static final String[] RECORDER_VERSIONS = {"5.2.310", "5.2.301", "5.1.288", "0.0.0"};

    /** Computer {@code number} (from 1), licensed under {@code licenseSerial} or waiting when it is null. */
    static SeededComputer of(int number, String licenseSerial, Instant now) {
        SplittableRandom random = new SplittableRandom(number * 0x9E3779B97F4A7C15L);
        Instant lastContact = now.minusMillis(random.nextLong(CHECK_IN_INTERVAL.toMillis()));
        Instant firstSeen = lastContact.minus(Duration.ofMinutes(random.nextLong(1, 90L * 24 * 60)));
        return new SeededComputer(number, FleetSeeder.computer(number), SeededClientKey.of(number),
                licenseSerial, firstSeen, lastContact, pick(OPERATING_SYSTEMS, random), pick(CLIENT_VERSIONS, random),
                pick(RECORDER_VERSIONS, random), String.format(Locale.ROOT, "10.%d.%d.%d", number >> 16 & 255,
                        number >> 8 & 255, number & 255));
    }

    boolean licensed() {
        return licenseSerial != null;
    }

    String clientId() {
        return clientKey.keyId();
    }

    void bindClient(PreparedStatement insert) throws SQLException {
        insert.setString(1, clientId());
        insert.setString(2, clientKey.encoded());
        insert.setLong(3, 0);
        insert.setLong(4, firstSeen.toEpochMilli());
    }

    void bindComputer(PreparedStatement insert) throws SQLException {
        int column = 0;
        insert.setString(++column, identity.key());
        insert.setString(++column, identity.computerName().toLowerCase(Locale.ROOT));
        insert.setString(++column, identity.computerName());
        insert.setString(++column, identity.domain());
        insert.setString(++column, identity.userName());
        insert.setString(++column, clientId());
        insert.setString(++column, os);
        insert.setString(++column, clientVersion);
        insert.setString(++column, recorderVersion);
        insert.setString(++column, licensed() ? "licensed" : "waiting");
        insert.setInt(++column, licensed() ? LICENSED : WAITING);
        insert.setString(++column, "");
        insert.setLong(++column, firstSeen.toEpochMilli());
        setNullable(insert, ++column, licenseSerial);
        setNullable(insert, ++column, licensed() ? null : firstSeen.toEpochMilli());
        setNullable(insert, ++column, licensed() ? FleetSeeder.leaseId(number) : null);
        setNullable(insert, ++column, licensed() ? lastContact.toEpochMilli() : null);
        setNullable(insert, ++column, licensed() ? lastContact.plus(LEASE_VALIDITY).toEpochMilli() : null);
        insert.setLong(++column, CHECK_IN_INTERVAL.toSeconds());
        insert.setLong(++column, firstSeen.toEpochMilli());
        insert.setLong(++column, lastContact.toEpochMilli());
        insert.setString(++column, "");
        insert.setLong(++column, 0);
        insert.setString(++column, remoteAddress);
        insert.setInt(++column, 0);
    }

    private static void setNullable(PreparedStatement insert, int column, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(column, Types.NULL);
        } else {
            insert.setObject(column, value);
        }
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
