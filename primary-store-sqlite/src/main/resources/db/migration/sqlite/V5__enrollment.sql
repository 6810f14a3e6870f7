-- One seat, one proven computer: enrollment tokens, the token and source address a computer was enrolled
-- with, rekey permission, client keys revoked as keys, and the conflict state. Plain SQL, as V1-V3.

-- secret_hash: SHA-256 (hex) of the token's secret part; the secret itself is never stored.
-- uses: how many computers it may enroll, 0 = no limit; used: how many it enrolled.
CREATE TABLE enrollment_tokens (
    id          TEXT    NOT NULL PRIMARY KEY,
    secret_hash TEXT    NOT NULL,
    label       TEXT    NOT NULL,
    group_name  TEXT    NOT NULL,
    uses        INTEGER NOT NULL,
    used        INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    created_by  TEXT    NOT NULL,
    expires_at  INTEGER,                                  -- NULL: never
    revoked_at  INTEGER                                   -- NULL: not revoked
);

-- Revocation follows the key: a revoked key gets no seat under any name. '' = not revoked.
ALTER TABLE clients ADD COLUMN revoked_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE computers ADD COLUMN enrolled_with TEXT    NOT NULL DEFAULT '';  -- enrollment token id; '' = none
ALTER TABLE computers ADD COLUMN enrolled_from TEXT    NOT NULL DEFAULT '';  -- IP of its first registration
ALTER TABLE computers ADD COLUMN rekey_allowed INTEGER NOT NULL DEFAULT 0;   -- 1: a new key may take it over, once

-- Bulk removal by token, and the registrations per source address an administrator looks at in a flood.
CREATE INDEX computers_by_token ON computers (enrolled_with, state);
CREATE INDEX computers_by_source ON computers (enrolled_from);

-- State 7: conflict (a key's claim to a computer another key holds); counted like every other state.
INSERT INTO computer_counts (state, computers) VALUES (7, 0);
