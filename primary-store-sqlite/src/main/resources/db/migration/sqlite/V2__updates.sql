-- Software updates: what each computer reports for them, releases, content updates, rollouts.
-- Plain SQL, as V1, so the PostgreSQL migration can say the same thing. Times are epoch milliseconds.

-- What the update side knows about a computer (see UpdateProfile).
ALTER TABLE computers ADD COLUMN group_name       TEXT    NOT NULL DEFAULT '';  -- rollout group; '' = none
ALTER TABLE computers ADD COLUMN content_revision INTEGER NOT NULL DEFAULT 0;   -- applied content revision
ALTER TABLE computers ADD COLUMN remote_address   TEXT    NOT NULL DEFAULT '';  -- IP of its last request
ALTER TABLE computers ADD COLUMN nudge_port       INTEGER NOT NULL DEFAULT 0;   -- 0 = announced none

-- The releases view counts licensed computers per reported version.
CREATE INDEX computers_by_recorder_version ON computers (recorder_version, state);
CREATE INDEX computers_by_client_version ON computers (client_version, state);
CREATE INDEX computers_by_content_revision ON computers (content_revision, state);

-- product: recorder | client-service; version: dotted 1.2.345. The manifest is the signed
-- document (JSON) exactly as added, handed to clients unchanged.
CREATE TABLE releases (
    product  TEXT    NOT NULL,
    version  TEXT    NOT NULL,
    sha256   TEXT    NOT NULL,
    added_at INTEGER NOT NULL,
    manifest TEXT    NOT NULL,
    PRIMARY KEY (product, version)
);

CREATE TABLE contents (
    revision INTEGER NOT NULL PRIMARY KEY,
    sha256   TEXT    NOT NULL,
    added_at INTEGER NOT NULL,
    manifest TEXT    NOT NULL
);

-- state: running | paused | halted | superseded
CREATE TABLE rollouts (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    product           TEXT    NOT NULL,
    version           TEXT    NOT NULL,
    group_name        TEXT    NOT NULL,
    percent           INTEGER NOT NULL,
    failure_threshold INTEGER NOT NULL,
    state             TEXT    NOT NULL,
    reason            TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    changed_at        INTEGER NOT NULL
);

-- One row per computer, product and rollout (0 = reported outside any rollout), so a computer
-- counts once per rollout and a superseded rollout keeps its counts.
-- state: pending | downloading | installed | failed
CREATE TABLE computer_updates (
    computer_id INTEGER NOT NULL,
    product     TEXT    NOT NULL,
    rollout_id  INTEGER NOT NULL,
    version     TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (computer_id, product, rollout_id)
) WITHOUT ROWID;

CREATE INDEX computer_updates_by_rollout ON computer_updates (rollout_id, state);
