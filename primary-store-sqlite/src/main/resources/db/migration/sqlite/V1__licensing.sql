-- The licensing core's tables. Kept to plain SQL (TEXT, INTEGER, partial indexes) so the
-- PostgreSQL migration next to this folder can say the same thing. Times are epoch milliseconds.

CREATE TABLE licenses (
    serial            TEXT    NOT NULL PRIMARY KEY,
    customer          TEXT    NOT NULL,
    seats             INTEGER NOT NULL,
    used              INTEGER NOT NULL DEFAULT 0,  -- seats held; kept with every grant, recounted at start
    issued_at         INTEGER NOT NULL,
    expires_at        INTEGER,                     -- NULL: perpetual
    features          TEXT    NOT NULL,            -- JSON array of strings
    license_signature TEXT    NOT NULL,            -- names the exact license file the terms come from
    license_file      TEXT    NOT NULL,            -- the vendor-signed document (JSON), kept as evidence
    registration_code TEXT    NOT NULL,
    imported_at       INTEGER NOT NULL,
    unlocked_at       INTEGER,                     -- NULL: pending registration
    unlock_file       TEXT                         -- the vendor-signed unlock (JSON), kept as evidence
);

CREATE TABLE clients (
    client_id     TEXT    NOT NULL PRIMARY KEY,    -- key id of the client's Ed25519 key
    public_key    TEXT    NOT NULL,
    last_sequence INTEGER NOT NULL,                -- replay protection
    first_seen    INTEGER NOT NULL
);

-- state: 0 licensed (expired is derived from lease_expires_at), 2 waiting, 3 reserved,
--        4 revoked, 5 released, 6 reclaimed. The order is Manage Computers' state order.
CREATE TABLE computers (
    id               INTEGER PRIMARY KEY,
    holder_key       TEXT    NOT NULL UNIQUE,      -- lower-case domain\name[\user]
    name_key         TEXT    NOT NULL,             -- lower-case name
    computer_name    TEXT    NOT NULL,
    domain           TEXT    NOT NULL,
    user_name        TEXT    NOT NULL,
    client_id        TEXT,                         -- NULL: reservation no client has claimed
    os               TEXT    NOT NULL,
    client_version   TEXT,
    recorder_version TEXT    NOT NULL,
    client_state     TEXT    NOT NULL,
    state            INTEGER NOT NULL,
    state_reason     TEXT    NOT NULL,
    state_since      INTEGER NOT NULL,
    license_serial   TEXT,                         -- the seat's license; NULL without a seat
    waiting_since    INTEGER,                      -- queue order (with id); NULL unless waiting
    lease_id         TEXT,
    lease_issued_at  INTEGER,
    lease_expires_at INTEGER,
    verify_interval  INTEGER NOT NULL,
    first_seen       INTEGER,
    last_contact     INTEGER
);

-- Every query of the licensing core and every sort and filter of Manage Computers runs over one
-- of these (checked by ComputerQueryPlanTest), so a million computers stay fast.
CREATE INDEX computers_by_client ON computers (client_id);
CREATE INDEX computers_by_license ON computers (license_serial);
CREATE INDEX computers_by_name ON computers (name_key, holder_key);
CREATE INDEX computers_by_last_contact ON computers (last_contact, holder_key);
CREATE INDEX computers_by_state ON computers (state, lease_expires_at DESC, name_key, holder_key);
CREATE INDEX computers_by_state_name ON computers (state, name_key, holder_key);
CREATE INDEX computers_by_state_contact ON computers (state, last_contact, holder_key);
CREATE INDEX computers_queue ON computers (state, waiting_since, id);

CREATE TABLE audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    subject TEXT    NOT NULL,
    detail  TEXT    NOT NULL
);
