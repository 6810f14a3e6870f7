package dev.primary.server.store.sqlite;

import dev.primary.server.store.jdbc.JdbcWrites;

/** The shared changes in SQLite's SQL, on the writer's {@link SqlSession}. */
final class SqliteWrites extends JdbcWrites {
    final SqlSession session;

    SqliteWrites(SqlSession session) {
        super(session, SqliteDialect.INSTANCE);
        this.session = session;
    }
}
