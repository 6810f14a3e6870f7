-- Named accounts of the admin API and their API tokens (docs/admin-api.md, "Roles" and "Tokens").
-- password_hash: the encoded Argon2id hash, parameters included; the password itself is never stored.
-- role: viewer, operator or administrator. disabled_at: NULL while active.
CREATE TABLE accounts (
    name          TEXT    NOT NULL PRIMARY KEY,
    role          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    created_by    TEXT    NOT NULL,
    disabled_at   BIGINT
);

-- secret_hash: SHA-256 (hex) of the token's secret part; the secret itself is never stored.
CREATE TABLE account_tokens (
    id          TEXT    NOT NULL PRIMARY KEY,
    account     TEXT    NOT NULL REFERENCES accounts (name),
    secret_hash TEXT    NOT NULL,
    label       TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    created_by  TEXT    NOT NULL,
    expires_at  BIGINT,
    revoked_at  BIGINT
);

CREATE INDEX account_tokens_by_account ON account_tokens (account, created_at);
