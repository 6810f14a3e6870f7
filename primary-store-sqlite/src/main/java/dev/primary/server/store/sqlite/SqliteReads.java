package dev.primary.server.store.sqlite;

import dev.primary.server.store.jdbc.JdbcReads;

/** The shared reads in SQLite's SQL, on one read connection's {@link SqlSession}, which it keeps to end the read. */
final class SqliteReads extends JdbcReads {
    final SqlSession session;

    SqliteReads(SqlSession session) {
        super(session, SqliteDialect.INSTANCE);
        this.session = session;
    }
}
