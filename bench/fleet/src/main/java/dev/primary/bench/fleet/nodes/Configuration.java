package dev.primary.bench.fleet.nodes;

/**
 * One configuration of the nodes run: {@code sqlite} (one server on its embedded SQLite) or {@code postgresql:N}
 * (N servers, 1 to 9, on one PostgreSQL database).
 */
public record Configuration(boolean postgresql, int servers) {
    public Configuration {
        if (!postgresql && servers != 1) {
            throw new IllegalArgumentException("SQLite serves one server only, got " + servers);
        }
        if (servers < 1 || servers > 9) {
            throw new IllegalArgumentException("servers must be 1 to 9, got " + servers);
        }
    }

    /** Reads {@code sqlite}, {@code postgresql} (one server) or {@code postgresql:N}. */
    public static Configuration parse(String text) {
        String given = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (given.equals("sqlite")) {
            return new Configuration(false, 1);
        }
        if (given.equals("postgresql")) {
            return new Configuration(true, 1);
        }
        if (given.startsWith("postgresql:")) {
            String count = given.substring("postgresql:".length());
            try {
                return new Configuration(true, Integer.parseInt(count));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("postgresql:N needs a number of servers, got '" + text + "'");
            }
        }
        throw new IllegalArgumentException("a configuration is sqlite, postgresql or postgresql:N, got '" + text + "'");
    }

    /** {@code sqlite} or {@code postgresql}, as in the results. */
    public String store() {
        return postgresql ? "postgresql" : "sqlite";
    }

    /** e.g. {@code 1 server, SQLite}, {@code 3 servers, PostgreSQL}. */
    public String label() {
        return servers + (servers == 1 ? " server, " : " servers, ") + (postgresql ? "PostgreSQL" : "SQLite");
    }

    @Override
    public String toString() {
        return postgresql ? "postgresql:" + servers : "sqlite";
    }
}
