/**
 * The embedded SQLite store: {@link dev.primary.server.store.sqlite.SqliteStore}.
 *
 * <p>One database file in WAL mode with {@code synchronous=FULL}; migrations by Flyway from
 * {@code db/migration/sqlite}. All writes go through one writer thread that group-commits: it
 * takes every queued unit of work, runs each in its own savepoint, commits once (one fsync per
 * batch) and then answers every caller. Reads use separate read-only connections. Plain JDBC
 * with prepared statements, kept portable for a PostgreSQL adapter beside it.
 */
package dev.primary.server.store.sqlite;
