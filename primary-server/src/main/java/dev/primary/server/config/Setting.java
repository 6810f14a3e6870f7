package dev.primary.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the Primary Server: its key (the flag {@code --<key>}, the environment variable
 * {@code PRIMARY_<KEY>} and the properties-file key), the kind of value it takes, its default and why that default.
 */
public enum Setting {
    PORT("port", Kind.NUMBER, Defaults.PORT, "TCP port for Client Services (0 = any free port)"),
    BIND("bind", Kind.ADDRESS, Defaults.BIND, "address the client port listens on"),
    ADMIN_PORT("admin-port", Kind.NUMBER, Defaults.ADMIN_PORT, "TCP port of the admin API (0 = any free port)"),
    ADMIN_BIND("admin-bind", Kind.ADDRESS, Defaults.ADMIN_BIND,
            "address the admin port listens on; loopback keeps it off the network"),
    DATA_DIR("data-dir", Kind.DIRECTORY, Defaults.DATA_DIR, "directory for identity, keys, admin token and database"),
    LEASE_VALIDITY("lease-validity", Kind.DURATION, Defaults.LEASE_VALIDITY,
            "how long a lease stays valid without a check-in"),
    WAITING_RETRY_AFTER("waiting-retry-after", Kind.DURATION, Defaults.WAITING_RETRY_AFTER,
            "how soon a client waiting for a seat asks again"),
    REVOKED_RETRY_AFTER("revoked-retry-after", Kind.DURATION, Defaults.REVOKED_RETRY_AFTER,
            "how soon a revoked client asks again"),
    RECLAIM_AFTER("reclaim-after", Kind.DURATION, Defaults.RECLAIM_AFTER,
            "reclaim the seat of a computer silent this long (0 = never)"),
    RECLAIM_CHECK_INTERVAL("reclaim-check-interval", Kind.DURATION, Defaults.RECLAIM_CHECK_INTERVAL,
            "how often to look for silent computers"),
    VENDOR_KEY("vendor-key", Kind.FILE, "",
            "extra trusted vendor public key files, besides <data-dir>/trusted-vendors/*.pub"),
    RELEASE_KEY("release-key", Kind.FILE, "",
            "extra trusted release-signing public key files, besides <data-dir>/trusted-release-keys/*.pub (read at "
            + "each use; clients pin them at install)"),
    TLS_CERT("tls-cert", Kind.FILE, "", "operator-supplied TLS certificate chain (PEM); default: a self-made one"),
    TLS_KEY("tls-key", Kind.FILE, "", "private key of tls-cert (PEM, unencrypted)"),
    WORKER_THREADS("worker-threads", Kind.NUMBER, Defaults.WORKER_THREADS, "threads that handle client requests"),
    MAX_BODY("max-body", Kind.SIZE, Defaults.MAX_BODY, "largest accepted request body"),
    MAX_PACKAGE("max-package", Kind.SIZE, Defaults.MAX_PACKAGE,
            "largest release or content package an upload may send (streamed to disk, never held in memory)"),
    OPEN_ENROLLMENT("open-enrollment", Kind.BOOLEAN, Defaults.OPEN_ENROLLMENT,
            "let clients the server does not know register without an enrollment token (for labs only)"),
    TAKEOVER_AFTER_SILENCE("takeover-after-silence", Kind.DURATION, Defaults.TAKEOVER_AFTER_SILENCE,
            "a new client key may take over a computer whose holder has been silent this long (0 = never: only after "
            + "'computer rekey')"),
    WAITING_EXPIRY("waiting-expiry", Kind.DURATION, Defaults.WAITING_EXPIRY,
            "a waiting computer that stops asking leaves the queue after this much silence"),
    SEQUENCE_MARGIN("sequence-margin", Kind.DURATION, Defaults.SEQUENCE_MARGIN,
            "how far ahead of the server's clock a client's request sequence may be"),
    REGISTRATION_RATE("registration-rate", Kind.NUMBER, Defaults.REGISTRATION_RATE,
            "registrations and token checks per second each source address may make once its burst is spent"),
    REGISTRATION_BURST("registration-burst", Kind.NUMBER, Defaults.REGISTRATION_BURST,
            "registrations and token checks a source address may make at once"),
    HEADER_TIMEOUT("header-timeout", Kind.DURATION, Defaults.HEADER_TIMEOUT,
            "a request's whole head must arrive within this (from the connection's start, TLS handshake included, or "
            + "a kept-alive request's first byte); later: 408 and the connection is closed"),
    BODY_TIMEOUT("body-timeout", Kind.DURATION, Defaults.BODY_TIMEOUT,
            "a request body's time before any of it arrived; each body-min-rate bytes received earn it one second "
            + "more; later: 408 and the connection is closed"),
    BODY_MIN_RATE("body-min-rate", Kind.SIZE, Defaults.BODY_MIN_RATE,
            "bytes of body a second that keep a request within body-timeout (so a large upload that keeps moving is "
            + "never cut)"),
    MAX_CONNECTIONS("max-connections", Kind.NUMBER_OR_AUTO, Defaults.MAX_CONNECTIONS,
            "open connections of the client port at most (auto = 10000, or less when the process's descriptor limit "
            + "cannot hold that many); more are closed at once and counted"),
    MAX_CONNECTIONS_PER_SOURCE("max-connections-per-source", Kind.NUMBER, Defaults.MAX_CONNECTIONS_PER_SOURCE,
            "open connections of the client port from one address (IPv6: one /64) at most; more are closed at once "
            + "and counted"),
    ADMIN_MAX_CONNECTIONS("admin-max-connections", Kind.NUMBER, Defaults.ADMIN_MAX_CONNECTIONS,
            "open connections of the admin port at most (it has its own threads and budget, so a flood of the client "
            + "port cannot starve it)"),
    STORE("store", Kind.STORE_KIND, Defaults.STORE,
            "where licenses, computers and seats are kept: sqlite (embedded, in the data directory) or postgresql "
            + "(the database store-url names)"),
    STORE_URL("store-url", Kind.JDBC_URL, "",
            "the PostgreSQL database, jdbc:postgresql://host[:port]/database (store=postgresql)"),
    STORE_USER("store-user", Kind.USER, "", "the PostgreSQL user (store=postgresql)"),
    STORE_PASSWORD_FILE("store-password-file", Kind.FILE, "",
            "a file holding the PostgreSQL user's password (or set PRIMARY_STORE_PASSWORD; never a flag, so it does "
            + "not show in the process list)"),
    LOG_LEVEL("log-level", Kind.LEVEL, Defaults.LOG_LEVEL,
            "how much the server logs: low (warnings, errors, start and stop), normal or debug; 'primary-admin "
            + "log-level' changes it until the next restart");

    private final String key;
    private final Kind kind;
    private final String defaultValue;
    private final String description;

    Setting(String key, Kind kind, String defaultValue, String description) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /**
     * What a setting's value is, as {@code --help} names it ({@code --port=N}); every setting declares its own, so a
     * new one cannot borrow another's label.
     */
    public enum Kind {
        NUMBER("N"),
        NUMBER_OR_AUTO("N|auto"),
        DURATION("DURATION"),
        SIZE("SIZE"),
        BOOLEAN("true|false"),
        ADDRESS("ADDR"),
        DIRECTORY("DIR"),
        FILE("FILE"),
        LEVEL("low|normal|debug"),
        STORE_KIND("sqlite|postgresql"),
        JDBC_URL("URL"),
        USER("USER");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The value's name in {@code --help}. */
        public String label() {
            return label;
        }
    }

    /** The key as in flags and in the properties file, e.g. {@code admin-port}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code PRIMARY_ADMIN_PORT}. */
    public String environmentVariable() {
        return environmentVariableOf(key);
    }

    /** What the value is: a number, a duration, a size, a file... */
    public Kind kind() {
        return kind;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }

    static String environmentVariableOf(String key) {
        return "PRIMARY_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The defaults, as compile-time constants so that {@code --help} can show them. The reasons:
     * 16770/16771 are the product's ports; the admin API listens on loopback only until an
     * operator opens it; a lease lasts a week so clients ride out a long outage; waiting clients
     * retry every minute, as the product we follow does; silent seats come back after 30 days;
     * packages up to 2 GiB cover any Recorder build while keeping a mistaken upload from filling a disk;
     * only clients with an enrollment token may join (open enrollment is for labs); a computer changes key only
     * when an administrator says so; a waiting client asks every minute, so two silent hours mean it is gone; a
     * client clock up to an hour ahead is tolerated; a source may register 200 computers at once and 20 a
     * second after that (a site deploying thousands from behind one NAT finishes in minutes, a flood from one
     * address is held to 20 a second); a request's head has 20 s and its body 20 s plus a second per KiB (a
     * client sends both at once, and a crawling upload over a slow link still moves faster than 1 KiB/s); at
     * most 10,000 client connections (what the TLS stack can serve within a client's timeout) and 1,000 from one
     * address (a tenth of the port), 256 on the admin port; the normal log level (what happens, without the
     * per-request detail that only helps a diagnosis): see docs/configuration.md.
     */
    public static final class Defaults {
        public static final String PORT = "16770";
        public static final String BIND = "0.0.0.0";
        public static final String ADMIN_PORT = "16771";
        public static final String ADMIN_BIND = "127.0.0.1";
        public static final String DATA_DIR = "./primary-data";
        public static final String STORE = "sqlite";
        public static final String LEASE_VALIDITY = "7d";
        public static final String WAITING_RETRY_AFTER = "60s";
        public static final String REVOKED_RETRY_AFTER = "1h";
        public static final String RECLAIM_AFTER = "30d";
        public static final String RECLAIM_CHECK_INTERVAL = "1h";
        public static final String WORKER_THREADS = "32";
        public static final String MAX_BODY = "64KiB";
        public static final String MAX_PACKAGE = "2GiB";
        public static final String OPEN_ENROLLMENT = "false";
        public static final String TAKEOVER_AFTER_SILENCE = "0";
        public static final String WAITING_EXPIRY = "2h";
        public static final String SEQUENCE_MARGIN = "1h";
        public static final String REGISTRATION_RATE = "20";
        public static final String REGISTRATION_BURST = "200";
        public static final String HEADER_TIMEOUT = "20s";
        public static final String BODY_TIMEOUT = "20s";
        public static final String BODY_MIN_RATE = "1KiB";
        public static final String MAX_CONNECTIONS = "auto";
        public static final String MAX_CONNECTIONS_PER_SOURCE = "1000";
        public static final String ADMIN_MAX_CONNECTIONS = "256";
        public static final String LOG_LEVEL = "normal";

        private Defaults() {}
    }
}
