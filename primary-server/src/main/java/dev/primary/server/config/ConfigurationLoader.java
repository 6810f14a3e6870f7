package dev.primary.server.config;

import dev.primary.protocol.admin.LogLevel;
import dev.primary.protocol.time.Durations;
import dev.primary.server.licensing.IdentityPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the {@link ServerConfiguration} from, highest precedence first: command-line flags,
 * environment variables {@code PRIMARY_<KEY>}, the properties file ({@code --config FILE}, or else
 * {@code <data-dir>/server.properties} if it exists), and the defaults. The highest source that
 * sets a key wins; a list ({@code vendor-key}, {@code release-key}) is not merged across sources. Blank values count as
 * not set. Paths in the properties file are relative to the file's directory, others to the
 * working directory. Unknown keys in the file fail, so a typo cannot pass silently.
 */
public final class ConfigurationLoader {
    /** The flag (and {@code PRIMARY_CONFIG}) naming a properties file. */
    public static final String CONFIG = "config";
    public static final String PROPERTIES_FILE_NAME = "server.properties";

    /** The environment variable the PostgreSQL password may come from (not a setting: it must never be a flag). */
    public static final String STORE_PASSWORD_VARIABLE = "PRIMARY_STORE_PASSWORD";
    private final Map<Setting, Value> values = new EnumMap<>(Setting.class);
    private String storePasswordFromEnvironment = "";

    private ConfigurationLoader() {}

    /**
     * @param flags values given on the command line, by setting key (plus {@link #CONFIG}); a key may repeat
     *     ({@code vendor-key})
     * @param environment the process environment
     * @throws InvalidConfigurationException naming the broken rule and where the value came from
     */
    public static ServerConfiguration load(Map<String, List<String>> flags, Map<String, String> environment) {
        ConfigurationLoader loader = new ConfigurationLoader();
        loader.collect(flags, environment);
        loader.storePasswordFromEnvironment = environment.getOrDefault(STORE_PASSWORD_VARIABLE, "");
        return loader.build();
    }

    private void collect(Map<String, List<String>> flags, Map<String, String> environment) {
        for (String key : flags.keySet()) {
            if (!key.equals(CONFIG) && Setting.byKey(key).isEmpty()) {
                throw new IllegalArgumentException("no such setting: " + key);
            }
        }
        for (Setting setting : Setting.values()) {
            List<String> given = flags.getOrDefault(setting.key(), List.of()).stream()
                    .filter(text -> !text.isBlank()).toList();
            if (!given.isEmpty()) {
                values.put(setting, new Value(given, "--" + setting.key(), Path.of("")));
            } else if (isSet(environment.get(setting.environmentVariable()))) {
                values.put(setting, new Value(splitList(environment.get(setting.environmentVariable())),
                        "environment variable " + setting.environmentVariable(), Path.of("")));
            }
        }
        Optional<Path> file = configFile(flags, environment);
        if (file.isPresent()) {
            readFile(file.get());
        }
    }

    private Optional<Path> configFile(Map<String, List<String>> flags, Map<String, String> environment) {
        List<String> flagged = flags.getOrDefault(CONFIG, List.of());
        String named = !flagged.isEmpty() ? flagged.get(flagged.size() - 1)
                : environment.get(Setting.environmentVariableOf(CONFIG));
        if (isSet(named)) {
            Path file = Path.of(named.strip()).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigurationException("config file " + file + " does not exist");
            }
            return Optional.of(file);
        }
        Path inDataDirectory = path(Setting.DATA_DIR, Setting.Defaults.DATA_DIR).resolve(PROPERTIES_FILE_NAME);
        return Files.isRegularFile(inDataDirectory) ? Optional.of(inDataDirectory) : Optional.empty();
    }

    private void readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException("cannot read config file " + file + ": " + e.getMessage());
        }
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            Setting setting = Setting.byKey(key).orElseThrow(() -> new InvalidConfigurationException(
                    "unknown setting \"" + key + "\" in " + file + "; known settings: " + knownKeys()));
            String text = properties.getProperty(key);
            if (setting == Setting.DATA_DIR && file.getFileName().toString().equals(PROPERTIES_FILE_NAME)
                    && file.getParent().equals(path(Setting.DATA_DIR, Setting.Defaults.DATA_DIR))) {
                throw new InvalidConfigurationException("data-dir cannot be set in " + file
                        + ", which is inside the data directory; use --data-dir or PRIMARY_DATA_DIR");
            }
            if (isSet(text) && !values.containsKey(setting)) {
                values.put(setting, new Value(splitList(text), file.toString(), file.getParent()));
            }
        }
    }

    private ServerConfiguration build() {
        Optional<Path> tlsCertificate = optionalPath(Setting.TLS_CERT);
        Optional<Path> tlsKey = optionalPath(Setting.TLS_KEY);
        if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
            throw new InvalidConfigurationException("tls-cert and tls-key must be given together");
        }
        TlsSource tls = tlsCertificate.isPresent()
                ? new TlsSource.OperatorSupplied(tlsCertificate.get(), tlsKey.get())
                : new TlsSource.SelfMade();
        return ServerConfiguration.builder(path(Setting.DATA_DIR, Setting.Defaults.DATA_DIR))
                .port(parse(Setting.PORT, Setting.Defaults.PORT, ConfigurationLoader::wholeNumber))
                .bind(single(Setting.BIND, Setting.Defaults.BIND))
                .adminPort(parse(Setting.ADMIN_PORT, Setting.Defaults.ADMIN_PORT, ConfigurationLoader::wholeNumber))
                .adminBind(single(Setting.ADMIN_BIND, Setting.Defaults.ADMIN_BIND))
                .leaseValidity(parse(Setting.LEASE_VALIDITY, Setting.Defaults.LEASE_VALIDITY, Durations::parse))
                .waitingRetryAfter(parse(Setting.WAITING_RETRY_AFTER, Setting.Defaults.WAITING_RETRY_AFTER,
                        Durations::parse))
                .revokedRetryAfter(parse(Setting.REVOKED_RETRY_AFTER, Setting.Defaults.REVOKED_RETRY_AFTER,
                        Durations::parse))
                .reclaimAfter(parse(Setting.RECLAIM_AFTER, Setting.Defaults.RECLAIM_AFTER, ConfigurationLoader::durationOrZero))
                .reclaimCheckInterval(parse(Setting.RECLAIM_CHECK_INTERVAL, Setting.Defaults.RECLAIM_CHECK_INTERVAL,
                        Durations::parse))
                .vendorKeyFiles(paths(Setting.VENDOR_KEY))
                .releaseKeyFiles(paths(Setting.RELEASE_KEY))
                .tls(tls)
                .workerThreads(parse(Setting.WORKER_THREADS, Setting.Defaults.WORKER_THREADS,
                        ConfigurationLoader::wholeNumber))
                .maxBodyBytes(parse(Setting.MAX_BODY, Setting.Defaults.MAX_BODY, ConfigurationLoader::bodySize))
                .maxPackageBytes(parse(Setting.MAX_PACKAGE, Setting.Defaults.MAX_PACKAGE, ByteSize::parse))
                .identity(new IdentityPolicy(
                        parse(Setting.OPEN_ENROLLMENT, Setting.Defaults.OPEN_ENROLLMENT, ConfigurationLoader::bool),
                        parse(Setting.TAKEOVER_AFTER_SILENCE, Setting.Defaults.TAKEOVER_AFTER_SILENCE,
                                ConfigurationLoader::durationOrZero),
                        parse(Setting.WAITING_EXPIRY, Setting.Defaults.WAITING_EXPIRY, Durations::parse),
                        parse(Setting.SEQUENCE_MARGIN, Setting.Defaults.SEQUENCE_MARGIN, Durations::parse)))
                .registrationLimit(new RegistrationLimit(
                        parse(Setting.REGISTRATION_RATE, Setting.Defaults.REGISTRATION_RATE,
                                ConfigurationLoader::wholeNumber),
                        parse(Setting.REGISTRATION_BURST, Setting.Defaults.REGISTRATION_BURST,
                                ConfigurationLoader::wholeNumber)))
                .connectionLimits(new ConnectionLimits(
                        parse(Setting.HEADER_TIMEOUT, Setting.Defaults.HEADER_TIMEOUT, Durations::parse),
                        parse(Setting.BODY_TIMEOUT, Setting.Defaults.BODY_TIMEOUT, Durations::parse),
                        parse(Setting.BODY_MIN_RATE, Setting.Defaults.BODY_MIN_RATE, ByteSize::parse),
                        parse(Setting.MAX_CONNECTIONS, Setting.Defaults.MAX_CONNECTIONS, ConfigurationLoader::countOrAuto),
                        parse(Setting.MAX_CONNECTIONS_PER_SOURCE, Setting.Defaults.MAX_CONNECTIONS_PER_SOURCE,
                                ConfigurationLoader::wholeNumber),
                        parse(Setting.ADMIN_MAX_CONNECTIONS, Setting.Defaults.ADMIN_MAX_CONNECTIONS,
                                ConfigurationLoader::wholeNumber)))
                .logLevel(parse(Setting.LOG_LEVEL, Setting.Defaults.LOG_LEVEL, LogLevel::fromWire))
                .store(storeChoice())
                .build();
    }

    private <T> T parse(Setting setting, String defaultText, Function<String, T> parser) {
        String text = single(setting, defaultText);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            Value value = values.get(setting);
            String origin = value == null ? "" : " (from " + value.origin() + ")";
            throw new InvalidConfigurationException(setting.key() + ": " + e.getMessage() + origin);
        }
    }

    private StoreChoice storeChoice() {
        String kind = single(Setting.STORE, Setting.Defaults.STORE).strip();
        if (kind.equals("sqlite")) {
            for (Setting postgresOnly : List.of(Setting.STORE_URL, Setting.STORE_USER, Setting.STORE_PASSWORD_FILE)) {
                if (values.containsKey(postgresOnly)) {
                    throw new InvalidConfigurationException(postgresOnly.key() + " is set (from "
                            + values.get(postgresOnly).origin() + ") but store is sqlite; set store=postgresql to use it");
                }
            }
            return new StoreChoice.Embedded();
        }
        if (!kind.equals("postgresql")) {
            throw new InvalidConfigurationException("store must be sqlite or postgresql, got \"" + kind + "\"");
        }
        String url = single(Setting.STORE_URL, "").strip();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new InvalidConfigurationException("store=postgresql needs store-url, jdbc:postgresql://host[:port]/database"
                    + (url.isEmpty() ? "" : ", got a URL that does not start with jdbc:postgresql:"));
        }
        String user = single(Setting.STORE_USER, "").strip();
        if (user.isEmpty()) {
            throw new InvalidConfigurationException("store=postgresql needs store-user");
        }
        return new StoreChoice.Postgresql(url, user, storePassword());
    }

    /** From store-password-file (its first line) or else PRIMARY_STORE_PASSWORD; read once, at start. */
    private StoreChoice.StorePassword storePassword() {
        Optional<Path> file = optionalPath(Setting.STORE_PASSWORD_FILE);
        if (file.isEmpty()) {
            return storePasswordFromEnvironment.isEmpty() ? StoreChoice.StorePassword.NONE
                    : new StoreChoice.StorePassword(storePasswordFromEnvironment);
        }
        try {
            String text = Files.readString(file.get(), StandardCharsets.UTF_8);
            return new StoreChoice.StorePassword(text.lines().findFirst().orElse("").strip());
        } catch (IOException e) {
            throw new InvalidConfigurationException("cannot read store-password-file " + file.get() + ": "
                    + e.getMessage());
        }
    }

    private String single(Setting setting, String defaultText) {
        Value value = values.get(setting);
        if (value == null) {
            return defaultText;
        }
        if (value.texts().size() > 1) {
            throw new InvalidConfigurationException(
                    setting.key() + " takes one value, got " + value.texts().size() + " (from " + value.origin() + ")");
        }
        return value.texts().get(0);
    }

    private Path path(Setting setting, String defaultText) {
        Value value = values.get(setting);
        Path base = value == null ? Path.of("") : value.baseDirectory();
        return base.resolve(single(setting, defaultText)).toAbsolutePath().normalize();
    }

    private Optional<Path> optionalPath(Setting setting) {
        return values.containsKey(setting) ? Optional.of(path(setting, "")) : Optional.empty();
    }

    private List<Path> paths(Setting setting) {
        Value value = values.get(setting);
        if (value == null) {
            return List.of();
        }
        return value.texts().stream()
                .map(text -> value.baseDirectory().resolve(text).toAbsolutePath().normalize())
                .toList();
    }

    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, got \"" + text + "\"");
        }
    }

    private static int countOrAuto(String text) {
        if (text.strip().equalsIgnoreCase("auto")) {
            return ConnectionLimits.AUTO;
        }
        int count = wholeNumber(text);
        if (count < 1) {
            throw new IllegalArgumentException("must be at least 1, or auto, got " + count);
        }
        return count;
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got \"" + text + "\"");
        };
    }

    private static java.time.Duration durationOrZero(String text) {
        return text.strip().equals("0") ? java.time.Duration.ZERO : Durations.parse(text);
    }

    private static int bodySize(String text) {
        long bytes = ByteSize.parse(text);
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    private static boolean isSet(String text) {
        return text != null && !text.isBlank();
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    private static String knownKeys() {
        return Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", "));
    }

    /** A setting's text(s) and where they came from. */
    private record Value(List<String> texts, String origin, Path baseDirectory) {
    }
}
