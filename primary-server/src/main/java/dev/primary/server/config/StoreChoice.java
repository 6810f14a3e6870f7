package dev.primary.server.config;

import java.util.Objects;

/** Where the server keeps licenses, computers, seats and releases: setting {@code store}. */
public sealed interface StoreChoice {

    /** The embedded SQLite store in {@code <data-dir>/primary.db}: the default, nothing to run beside the server. */
    record Embedded() implements StoreChoice {
    }

    /**
     * A PostgreSQL database, for larger fleets.
     *
     * @param jdbcUrl setting {@code store-url}, {@code jdbc:postgresql://host[:port]/database}
     * @param user setting {@code store-user}
     * @param password from {@code store-password-file} or {@code PRIMARY_STORE_PASSWORD}; never printed
     */
    record Postgresql(String jdbcUrl, String user, StorePassword password) implements StoreChoice {
        public Postgresql {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    /** The database password: its {@link #toString()} never shows it, so no configuration dump or log line can. */
    final class StorePassword {
        public static final StorePassword NONE = new StorePassword("");
        private final String value;

        public StorePassword(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /** The password itself, for the connection pool only. */
        public String reveal() {
            return value;
        }

        @Override
        public String toString() {
            return value.isEmpty() ? "(none)" : "(set)";
        }
    }
}
