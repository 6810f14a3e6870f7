package dev.primary.server.store.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the PostgreSQL store is and how much of it this server may use.
 *
 * @param jdbcUrl the database, {@code jdbc:postgresql://host[:port]/database[?parameters]}
 * @param user the database user
 * @param password the user's password ({@code ""} for none, e.g. with trust or certificate authentication); never
 *     printed: {@link #toString()} and {@link #description()} leave it out
 * @param poolSize connections for reads at most (HikariCP's {@code maximumPoolSize}); the writer and the fleet's jobs
 *     have a pool of their own ({@code PostgresStore.WRITE_POOL_SIZE})
 * @param waitLimit how long a unit waits for a connection or for the write lock before it fails as busy
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int poolSize, Duration waitLimit) {
    /** Ten connections for reads: the client port's and the admin API's share them; PostgreSQL's default limit is 100. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** As the embedded store's wait limit. */
    public static final Duration DEFAULT_WAIT_LIMIT = Duration.ofSeconds(30);
    private static final String PREFIX = "jdbc:postgresql:";

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(waitLimit, "waitLimit");
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("the store URL must start with " + PREFIX + " (e.g. "
                    + PREFIX + "//db.example:5432/primary), got " + withoutParameters(jdbcUrl));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the store's pool size cannot be less than 1, got " + poolSize);
        }
        if (waitLimit.isNegative() || waitLimit.isZero()) {
            throw new IllegalArgumentException("the store's wait limit must be positive, got " + waitLimit);
        }
    }

    /** With the default pool size and wait limit. */
    public static PostgresSettings of(String jdbcUrl, String user, String password) {
        return new PostgresSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_WAIT_LIMIT);
    }

    /** For the log and the server status: {@code postgresql://db.example:5432/primary}, without URL parameters (they may carry credentials). */
    public String description() {
        return withoutParameters(jdbcUrl).substring("jdbc:".length());
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + description() + ", user=" + user + ", password=" + (password.isEmpty() ? "none" : "(set)")
                + ", poolSize=" + poolSize + ", waitLimit=" + waitLimit + "]";
    }

    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
