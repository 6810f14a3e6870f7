-- Several servers on one database: the fleet's public identity, recorded by the first server that starts on it,
-- and the last run of each periodic job, so that a job runs once per fleet and period, not once per server.

CREATE TABLE fleet_identity (
    singleton        SMALLINT NOT NULL PRIMARY KEY CHECK (singleton = 1),
    installation_id  TEXT     NOT NULL,
    signing_key      TEXT     NOT NULL,
    tls_pin          TEXT     NOT NULL,
    ticket_secret_id TEXT     NOT NULL,
    recorded_at      BIGINT   NOT NULL,
    recorded_by      TEXT     NOT NULL
);

CREATE TABLE fleet_job_runs (
    job       TEXT   NOT NULL PRIMARY KEY,
    last_run  BIGINT NOT NULL,
    last_node TEXT   NOT NULL,
    runs      BIGINT NOT NULL
);

-- Release and content packages, so that every server can serve every package: the bytes in chunks of at most
-- 1 MiB (bytea), and one row per package written in the same transaction as its chunks, after them: a package
-- is complete exactly when its row exists. Each server keeps a verified copy on its own disk and serves from it.
CREATE TABLE fleet_package_chunks (
    sha256 TEXT    NOT NULL,
    chunk  INTEGER NOT NULL,
    bytes  BYTEA   NOT NULL,
    PRIMARY KEY (sha256, chunk)
);

CREATE TABLE fleet_packages (
    sha256    TEXT    NOT NULL PRIMARY KEY,
    size      BIGINT  NOT NULL,
    chunks    INTEGER NOT NULL,
    stored_at BIGINT  NOT NULL
);
