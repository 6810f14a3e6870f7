package dev.primary.server.store.postgres;

import dev.primary.server.store.jdbc.JdbcWrites;

/** The shared changes in PostgreSQL's SQL on the unit's {@link SqlSession}, and the recount the store runs at start. */
final class PostgresWrites extends JdbcWrites {
    PostgresWrites(SqlSession session) {
        super(session, PostgresDialect.INSTANCE);
    }

    /** Sets every license's seats used to the computers holding one of its seats; returns the licenses changed. */
    int recountSeatsUsed() {
        return statements.update("UPDATE licenses SET used = (SELECT COUNT(*) FROM computers"
                + " WHERE computers.license_serial = licenses.serial)"
                + " WHERE used <> (SELECT COUNT(*) FROM computers WHERE computers.license_serial = licenses.serial)");
    }
}
