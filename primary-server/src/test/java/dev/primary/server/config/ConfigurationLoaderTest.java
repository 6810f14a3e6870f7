package dev.primary.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.LogLevel;
import dev.primary.server.licensing.IdentityPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationLoaderTest {
    @TempDir
    Path dataDirectory;

    private final Map<String, List<String>> flags = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private ServerConfiguration load() {
        flags.putIfAbsent("data-dir", List.of(dataDirectory.toString()));
        return ConfigurationLoader.load(flags, environment);
    }

    private void flag(String key, String... values) {
        flags.put(key, List.of(values));
    }

    private void writeProperties(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void every_setting_has_its_documented_default_when_nothing_is_set() {
        ServerConfiguration configuration = load();

        assertThat(configuration.port()).isEqualTo(16770);
        assertThat(configuration.bind()).isEqualTo("0.0.0.0");
        assertThat(configuration.adminPort()).isEqualTo(16771);
        assertThat(configuration.adminBind()).isEqualTo("127.0.0.1");
        assertThat(configuration.dataDirectory()).isEqualTo(dataDirectory.toAbsolutePath());
        assertThat(configuration.leaseValidity()).isEqualTo(Duration.ofDays(7));
        assertThat(configuration.waitingRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(configuration.revokedRetryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(configuration.reclaimAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(configuration.reclaimCheckInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(configuration.vendorKeyFiles()).isEmpty();
        assertThat(configuration.tls()).isEqualTo(new TlsSource.SelfMade());
        assertThat(configuration.workerThreads()).isEqualTo(32);
        assertThat(configuration.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(configuration.releaseKeyFiles()).isEmpty();
        assertThat(configuration.maxPackageBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(configuration.trustedReleaseKeysDirectory()).isEqualTo(dataDirectory.resolve("trusted-release-keys"));
    }

    @Test
    void release_keys_and_the_package_limit_are_read_like_the_other_settings() throws IOException {
        writeProperties(dataDirectory.resolve("server.properties"), "release-key=keys/a.pub, keys/b.pub\n");
        environment.put("PRIMARY_MAX_PACKAGE", "512MiB");

        ServerConfiguration configuration = load();

        assertThat(configuration.releaseKeyFiles()).containsExactly(dataDirectory.resolve("keys/a.pub"),
                dataDirectory.resolve("keys/b.pub"));
        assertThat(configuration.maxPackageBytes()).isEqualTo(512L * 1024 * 1024);
        flag("max-package", "3g");
        assertThat(load().maxPackageBytes()).isEqualTo(3L * 1024 * 1024 * 1024);
    }

    @Test
    void enrollment_and_identity_settings_default_to_closed_enrollment_and_bounded_claims() {
        ServerConfiguration configuration = load();

        assertThat(configuration.identity()).isEqualTo(IdentityPolicy.DEFAULTS);
        assertThat(configuration.identity().openEnrollment()).isFalse();
        assertThat(configuration.registrationLimit()).isEqualTo(new RegistrationLimit(20, 200));
    }

    @Test
    void enrollment_and_identity_settings_are_read_and_checked() {
        flag("open-enrollment", "true");
        flag("takeover-after-silence", "30d");
        flag("waiting-expiry", "30m");
        flag("sequence-margin", "10m");
        flag("registration-rate", "5");
        flag("registration-burst", "50");

        ServerConfiguration configuration = load();

        assertThat(configuration.identity()).isEqualTo(new IdentityPolicy(true, java.time.Duration.ofDays(30),
                java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(10)));
        assertThat(configuration.registrationLimit()).isEqualTo(new RegistrationLimit(5, 50));
        flag("open-enrollment", "maybe");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("open-enrollment: must be true or false");
        flag("open-enrollment", "false");
        flag("registration-burst", "0");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("registration-burst must be at least 1, got 0");
    }

    @Test
    void connection_limits_default_to_deadlines_of_twenty_seconds_and_an_automatic_cap() {
        ConnectionLimits limits = load().connectionLimits();

        assertThat(limits).isEqualTo(new ConnectionLimits(Duration.ofSeconds(20), Duration.ofSeconds(20), 1024,
                ConnectionLimits.AUTO, 1000, 256));
    }

    @Test
    void connection_limits_are_read_and_checked() {
        flag("header-timeout", "5s");
        flag("body-timeout", "30s");
        flag("body-min-rate", "4KiB");
        flag("max-connections", "5000");
        flag("max-connections-per-source", "50");
        flag("admin-max-connections", "32");

        assertThat(load().connectionLimits()).isEqualTo(new ConnectionLimits(Duration.ofSeconds(5),
                Duration.ofSeconds(30), 4096, 5000, 50, 32));
        flag("max-connections", "auto");
        assertThat(load().connectionLimits().maxConnections()).isEqualTo(ConnectionLimits.AUTO);
    }

    @Test
    void the_log_level_defaults_to_normal_and_is_read_from_the_file_the_environment_and_flags() throws IOException {
        assertThat(load().logLevel()).isEqualTo(LogLevel.NORMAL);
        writeProperties(dataDirectory.resolve("server.properties"), "log-level=low\n");
        assertThat(load().logLevel()).isEqualTo(LogLevel.LOW);
        environment.put("PRIMARY_LOG_LEVEL", "Debug");
        assertThat(load().logLevel()).isEqualTo(LogLevel.DEBUG);
        flag("log-level", "normal");
        assertThat(load().logLevel()).isEqualTo(LogLevel.NORMAL);
    }

    @Test
    void a_log_level_of_another_name_fails_naming_the_allowed_ones() {
        flag("log-level", "verbose");

        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("log-level: log level must be low, normal or debug, got \"verbose\" (from --log-level)");
    }

    @Test
    void the_data_directory_defaults_to_primary_data_in_the_working_directory() {
        ServerConfiguration configuration = ConfigurationLoader.load(Map.of(), Map.of());

        assertThat(configuration.dataDirectory()).isEqualTo(Path.of("primary-data").toAbsolutePath());
    }

    @Test
    void flags_win_over_environment_which_wins_over_the_file_which_wins_over_defaults() throws IOException {
        writeProperties(dataDirectory.resolve("server.properties"),
                "port=1000\nadmin-port=2000\nlease-validity=3d\nworker-threads=8\n");
        environment.put("PRIMARY_PORT", "1100");
        environment.put("PRIMARY_ADMIN_PORT", "2100");
        flag("port", "1200");

        ServerConfiguration configuration = load();

        assertThat(configuration.port()).isEqualTo(1200);
        assertThat(configuration.adminPort()).isEqualTo(2100);
        assertThat(configuration.leaseValidity()).isEqualTo(Duration.ofDays(3));
        assertThat(configuration.workerThreads()).isEqualTo(8);
        assertThat(configuration.waitingRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void the_data_directory_can_come_from_the_environment() {
        environment.put("PRIMARY_DATA_DIR", dataDirectory.resolve("from-env").toString());

        ServerConfiguration configuration = ConfigurationLoader.load(Map.of(), environment);

        assertThat(configuration.dataDirectory()).isEqualTo(dataDirectory.resolve("from-env"));
    }

    @Test
    void a_config_file_given_by_flag_is_read_and_its_relative_paths_are_relative_to_it() throws IOException {
        Path file = dataDirectory.resolve("etc/primary.properties");
        writeProperties(file, "data-dir=../state\nvendor-key=vendors/a.pub, vendors/b.pub\nmax-body=1MiB\n");
        flags.put("config", List.of(file.toString()));

        ServerConfiguration configuration = ConfigurationLoader.load(flags, environment);

        assertThat(configuration.dataDirectory()).isEqualTo(dataDirectory.resolve("state"));
        assertThat(configuration.vendorKeyFiles()).containsExactly(
                dataDirectory.resolve("etc/vendors/a.pub"), dataDirectory.resolve("etc/vendors/b.pub"));
        assertThat(configuration.maxBodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void vendor_keys_come_from_repeated_flags_or_a_comma_separated_variable() {
        environment.put("PRIMARY_VENDOR_KEY", "/keys/x.pub,/keys/y.pub");
        assertThat(load().vendorKeyFiles()).containsExactly(Path.of("/keys/x.pub"), Path.of("/keys/y.pub"));

        flag("vendor-key", "/keys/a.pub", "/keys/b.pub");
        assertThat(load().vendorKeyFiles()).containsExactly(Path.of("/keys/a.pub"), Path.of("/keys/b.pub"));
    }

    @Test
    void operator_tls_files_are_taken_when_both_are_given() {
        flag("tls-cert", "/etc/primary/tls.crt");
        flag("tls-key", "/etc/primary/tls.key");

        assertThat(load().tls()).isEqualTo(
                new TlsSource.OperatorSupplied(Path.of("/etc/primary/tls.crt"), Path.of("/etc/primary/tls.key")));
    }

    @Test
    void a_copy_made_with_to_builder_keeps_every_setting_including_the_store() {
        flag("store", "postgresql");
        flag("store-url", "jdbc:postgresql://db.example:5432/primary");
        flag("store-user", "primary");
        flag("worker-threads", "48");
        ServerConfiguration loaded = load();

        assertThat(loaded.toBuilder().build()).isEqualTo(loaded);
        assertThat(loaded.toBuilder().build().store()).isInstanceOf(StoreChoice.Postgresql.class);
    }

    @Test
    void reclaim_after_zero_means_never() {
        flag("reclaim-after", "0");

        assertThat(load().reclaimAfter()).isZero();
    }

    @Test
    void an_unknown_key_in_the_properties_file_fails_and_names_it() throws IOException {
        writeProperties(dataDirectory.resolve("server.properties"), "prot=1234\n");

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("unknown setting \"prot\" in " + dataDirectory.resolve("server.properties"))
                .hasMessageContaining("known settings: port, bind, admin-port");
    }

    @Test
    void the_data_directory_cannot_be_set_inside_its_own_properties_file() throws IOException {
        writeProperties(dataDirectory.resolve("server.properties"), "data-dir=/elsewhere\n");

        assertThatThrownBy(this::load).hasMessageContaining("data-dir cannot be set in");
    }

    @Test
    void a_missing_config_file_fails() {
        flag("config", dataDirectory.resolve("nope.properties").toString());

        assertThatThrownBy(this::load).hasMessage(
                "config file " + dataDirectory.resolve("nope.properties") + " does not exist");
    }

    @Test
    void a_malformed_value_names_the_setting_and_where_it_came_from() {
        environment.put("PRIMARY_WORKER_THREADS", "many");

        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class).hasMessage(
                "worker-threads: must be a whole number, got \"many\" (from environment variable PRIMARY_WORKER_THREADS)");
    }

    @ParameterizedTest(name = "{0}={1} fails with: {2}")
    @CsvSource(delimiter = '|', value = {
        "port | 70000 | port must be 0-65535, got 70000",
        "admin-port | -1 | admin-port must be 0-65535, got -1",
        "admin-port | 16770 | admin-port cannot equal port (both are 16770)",
        "port | abc | port: must be a whole number, got \"abc\" (from --port)",
        "bind | a b | bind must be an IP address or host name, got \"a b\"",
        "lease-validity | 0s | lease-validity must be positive, got 0s",
        "lease-validity | 7 days | lease-validity: duration must be a whole number with a unit ms, s, m, h or d (like 60s or 4h), got \"7 days\" (from --lease-validity)",
        "waiting-retry-after | 0s | waiting-retry-after must be positive, got 0s",
        "revoked-retry-after | 0ms | revoked-retry-after must be positive, got 0s",
        "reclaim-check-interval | 0m | reclaim-check-interval must be positive, got 0s",
        "reclaim-after | 1d | reclaim-after (1d) must be longer than lease-validity (7d), or 0 to never reclaim: a seat cannot be taken from a computer whose lease is still valid",
        "worker-threads | 0 | worker-threads must be 1-1024, got 0",
        "max-body | 10 | max-body must be 1KiB-16MiB, got 10",
        "max-body | 1GiB | max-body must be 1KiB-16MiB, got 1GiB",
        "max-body | 1TiB | max-body: must be a size like 65536, 64KiB, 1MiB or 2GiB, got \"1TiB\" (from --max-body)",
        "max-package | 100 | max-package must be at least 1KiB, got 100",
        "max-package | 9999999999GiB | max-package: is too large, got \"9999999999GiB\" (from --max-package)",
        "tls-cert | /etc/tls.crt | tls-cert and tls-key must be given together",
        "header-timeout | 0s | header-timeout must be positive, got 0s",
        "body-timeout | 0s | body-timeout must be positive, got 0s",
        "body-min-rate | 0 | body-min-rate must be 1-1GiB (bytes a second), got 0",
        "body-min-rate | 2GiB | body-min-rate must be 1-1GiB (bytes a second), got 2GiB",
        "max-connections | 0 | max-connections: must be at least 1, or auto, got 0 (from --max-connections)",
        "max-connections | lots | max-connections: must be a whole number, got \"lots\" (from --max-connections)",
        "max-connections-per-source | 0 | max-connections-per-source must be at least 1, got 0",
        "admin-max-connections | 0 | admin-max-connections must be at least 1, got 0",
    })
    void a_broken_rule_fails_with_the_exact_rule(String key, String value, String message) {
        flag(key, value);

        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class).hasMessage(message);
    }

    @Test
    void a_value_given_twice_to_a_single_setting_fails() {
        flag("port", "1", "2");

        assertThatThrownBy(this::load).hasMessage("port takes one value, got 2 (from --port)");
    }

    @Test
    void the_embedded_store_is_the_default() {
        assertThat(load().store()).isEqualTo(new StoreChoice.Embedded());
    }

    @Test
    void store_postgresql_takes_url_user_and_a_password_from_a_file_that_is_never_printed() throws IOException {
        Path passwordFile = dataDirectory.resolve("store-password");
        Files.writeString(passwordFile, "pa55-from-file\n");
        flag("store", "postgresql");
        flag("store-url", "jdbc:postgresql://db.example:5432/primary");
        flag("store-user", "primary");
        flag("store-password-file", passwordFile.toString());

        ServerConfiguration configuration = load();

        StoreChoice.Postgresql store = (StoreChoice.Postgresql) configuration.store();
        assertThat(store.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/primary");
        assertThat(store.user()).isEqualTo("primary");
        assertThat(store.password().reveal()).isEqualTo("pa55-from-file");
        assertThat(configuration.toString()).doesNotContain("pa55-from-file");
    }

    @Test
    void the_store_password_may_come_from_the_environment() {
        flag("store", "postgresql");
        flag("store-url", "jdbc:postgresql://db.example/primary");
        flag("store-user", "primary");
        environment.put("PRIMARY_STORE_PASSWORD", "pa55-from-env");

        assertThat(((StoreChoice.Postgresql) load().store()).password().reveal()).isEqualTo("pa55-from-env");
    }

    @Test
    void store_settings_that_contradict_each_other_say_which_rule_broke() {
        flag("store", "postgresql");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("store=postgresql needs store-url");

        flags.clear();
        flag("store-url", "jdbc:postgresql://db.example/primary");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("store-url is set (from --store-url) but store is sqlite");

        flags.clear();
        flag("store", "mysql");
        assertThatThrownBy(this::load).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("store must be sqlite or postgresql");
    }
}
