package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.server.release.PackageRejectedException;
import dev.primary.server.release.PackageStore;
import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.files.FilePackageStore;
import dev.primary.server.store.postgres.PostgresPackageBlobs;
import dev.primary.server.store.postgres.PostgresSettings;
import dev.primary.server.store.postgres.PostgresStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers on one real PostgreSQL, each with its own package directory: a package uploaded to one is served by all. */
class FleetPackageStoreTest {
    private static EmbeddedPostgres database;
    private static int databases;

    @TempDir
    Path work;

    @BeforeAll
    static void startPostgres() throws Exception {
        database = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        database.close();
    }

    @Test
    void a_package_uploaded_through_one_server_is_served_by_another_from_a_verified_copy() throws Exception {
        PostgresSettings settings = freshDatabase();
        byte[] bytes = randomBytes(PostgresPackageBlobs.CHUNK_BYTES * 5 / 2);
        String sha256 = sha256(bytes);
        try (PostgresStore first = PostgresStore.open(settings); PostgresStore second = PostgresStore.open(settings)) {
            FleetPackageStore nodeA = node(first, "a");
            FleetPackageStore nodeB = node(second, "b");
            assertThat(nodeB.contains(sha256)).isFalse();

            try (PackageStore.Upload upload = nodeA.begin(sha256, bytes.length)) {
                upload.write(ByteBuffer.wrap(bytes));
                upload.complete();
            }

            assertThat(nodeB.contains(sha256)).isTrue();
            try (PackageStore.StoredPackage served = nodeB.open(sha256).orElseThrow()) {
                assertThat(served.size()).isEqualTo(bytes.length);
                ByteBuffer read = ByteBuffer.allocate(bytes.length);
                while (read.hasRemaining()) {
                    served.channel().read(read, read.position());
                }
                assertThat(read.array()).isEqualTo(bytes);
            }
            assertThat(work.resolve("b").resolve(sha256.substring(0, 2)).resolve(sha256)).as("B's own copy").exists();
            assertThat(nodeB.open("ab".repeat(32))).isEmpty();
        }
    }

    @Test
    void packages_a_single_server_kept_on_disk_only_reach_the_database_when_it_joins_a_fleet() throws Exception {
        PostgresSettings settings = freshDatabase();
        byte[] bytes = randomBytes(5_000);
        String sha256 = sha256(bytes);
        try (PackageStore.Upload upload = FilePackageStore.open(work.resolve("a")).begin(sha256, bytes.length)) {
            upload.write(ByteBuffer.wrap(bytes));
            upload.complete();
        }
        try (PostgresStore first = PostgresStore.open(settings); PostgresStore second = PostgresStore.open(settings)) {
            FleetPackageStore nodeA = node(first, "a");
            assertThat(node(second, "b").contains(sha256)).as("before").isFalse();

            assertThat(nodeA.storeLocalOnlyPackages()).isEqualTo(1);
            assertThat(nodeA.storeLocalOnlyPackages()).as("a second start stores nothing again").isZero();

            try (PackageStore.StoredPackage served = node(second, "b").open(sha256).orElseThrow()) {
                assertThat(served.size()).isEqualTo(bytes.length);
            }
        }
    }

    @Test
    void a_copy_whose_bytes_were_changed_in_the_database_is_refused_and_not_kept() throws Exception {
        PostgresSettings settings = freshDatabase();
        byte[] bytes = randomBytes(70_000);
        String sha256 = sha256(bytes);
        try (PostgresStore first = PostgresStore.open(settings); PostgresStore second = PostgresStore.open(settings)) {
            try (PackageStore.Upload upload = node(first, "a").begin(sha256, bytes.length)) {
                upload.write(ByteBuffer.wrap(bytes));
                upload.complete();
            }
            try (Connection connection = database.getDatabase("postgres", settings.description()
                    .substring(settings.description().lastIndexOf('/') + 1)).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("UPDATE fleet_package_chunks SET bytes = overlay(bytes placing '\\x00'::bytea from 5)");
            }

            FleetPackageStore nodeB = node(second, "b");
            assertThatThrownBy(() -> nodeB.open(sha256)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(sha256).hasMessageContaining("damaged")
                    .hasCauseInstanceOf(PackageRejectedException.class);
            try (Stream<Path> kept = Files.walk(work.resolve("b"))) {
                assertThat(kept.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    private FleetPackageStore node(PostgresStore store, String name) {
        return new FleetPackageStore(FilePackageStore.open(work.resolve(name)), store.packageBlobs(), Clock.systemUTC());
    }

    private static synchronized PostgresSettings freshDatabase() throws Exception {
        String name = "fleet_packages_" + ++databases;
        try (Connection connection = database.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return PostgresSettings.of(database.getJdbcUrl("postgres", name), "postgres", "");
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
