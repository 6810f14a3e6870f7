/**
 * Copying a store into another and proving the copy, in plain {@code java.sql}: the move from SQLite to PostgreSQL
 * and the portable backup. {@link dev.primary.server.store.jdbc.copy.StoreTables} names every table and column of the
 * schema both stores share; {@link dev.primary.server.store.jdbc.copy.StoreCopy} refuses a store with any other
 * table or column, copies into an empty store in one transaction, and compares both stores row by row (row counts
 * and a SHA-256 digest per table, {@link dev.primary.server.store.jdbc.copy.StoreSummary}). A schema change adds its
 * table or column to {@code StoreTables} in the same change, or the copier refuses every store that has it.
 */
package dev.primary.server.store.jdbc.copy;
