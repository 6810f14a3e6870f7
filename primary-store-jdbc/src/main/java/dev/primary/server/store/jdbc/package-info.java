/**
 * What the SQL store adapters share, in plain {@code java.sql}: the licensing and release cores' reads and
 * changes ({@link dev.primary.server.store.jdbc.JdbcReads}, {@link dev.primary.server.store.jdbc.JdbcWrites})
 * over an adapter's {@link dev.primary.server.store.jdbc.SqlStatements}, the tables' columns and how a row becomes
 * a domain value and back ({@link dev.primary.server.store.jdbc.Rows},
 * {@link dev.primary.server.store.jdbc.ReleaseRows}), the stored computer states
 * ({@link dev.primary.server.store.jdbc.StateCodes}) and the stored form of times
 * ({@link dev.primary.server.store.jdbc.StoredValues}). Where the databases' SQL differs, an adapter gives its
 * {@link dev.primary.server.store.jdbc.SqlDialect}. No driver, pool, migration, transaction or locking: those
 * stay each adapter's own.
 */
package dev.primary.server.store.jdbc;
