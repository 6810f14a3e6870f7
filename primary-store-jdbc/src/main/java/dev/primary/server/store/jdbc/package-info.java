/**
 * What the SQL store adapters share, in plain {@code java.sql}: the tables' columns and how a row becomes a
 * domain value and back ({@link dev.primary.server.store.jdbc.Rows},
 * {@link dev.primary.server.store.jdbc.ReleaseRows}), the stored computer states
 * ({@link dev.primary.server.store.jdbc.StateCodes}) and the stored form of times
 * ({@link dev.primary.server.store.jdbc.StoredValues}). No driver, pool or migration: each adapter brings its own.
 */
package dev.primary.server.store.jdbc;
