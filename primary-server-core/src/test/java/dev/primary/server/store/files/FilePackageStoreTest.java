package dev.primary.server.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.crypto.Sha256;
import dev.primary.server.release.PackageRejectedException;
import dev.primary.server.release.PackageStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePackageStoreTest {
    @TempDir
    Path dataDirectory;
    Path directory;
    FilePackageStore store;

    @BeforeEach
    void open() {
        directory = dataDirectory.resolve("packages");
        store = FilePackageStore.open(directory);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every regular file under the store, relative to it. */
    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString()).sorted().toList();
        }
    }

    private void store(byte[] content, int chunk) {
        try (PackageStore.Upload upload = store.begin(Sha256.hex(content), content.length)) {
            for (int offset = 0; offset < content.length; offset += chunk) {
                upload.write(ByteBuffer.wrap(content, offset, Math.min(chunk, content.length - offset)));
            }
            upload.complete();
        }
    }

    private static byte[] read(PackageStore.StoredPackage stored, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && stored.channel().read(buffer, position + buffer.position()) >= 0) {
            // read until full
        }
        return buffer.array();
    }

    @Test
    void a_package_streamed_in_chunks_is_stored_under_its_sha256_and_read_back_by_range() throws IOException {
        byte[] content = bytes("recorder 1.2.345 as a package, sent in small chunks");
        String sha256 = Sha256.hex(content);

        store(content, 7);

        assertThat(files()).containsExactly(sha256.substring(0, 2) + "/" + sha256);
        assertThat(store.contains(sha256)).isTrue();
        try (PackageStore.StoredPackage stored = store.open(sha256).orElseThrow()) {
            assertThat(stored.sha256()).isEqualTo(sha256);
            assertThat(stored.size()).isEqualTo(content.length);
            assertThat(read(stored, 0, content.length)).isEqualTo(content);
            assertThat(new String(read(stored, 9, 9), StandardCharsets.UTF_8)).isEqualTo("1.2.345 a");
        }
    }

    @Test
    void packages_and_their_directories_are_readable_by_the_server_alone() throws IOException {
        byte[] content = bytes("private");
        String sha256 = Sha256.hex(content);
        store(content, 100);

        Path file = directory.resolve(sha256.substring(0, 2)).resolve(sha256);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void a_package_shorter_than_announced_is_refused_and_nothing_is_kept() throws IOException {
        byte[] content = bytes("short");
        try (PackageStore.Upload upload = store.begin(Sha256.hex(content), content.length + 1)) {
            upload.write(ByteBuffer.wrap(content));

            assertThatThrownBy(upload::complete).isInstanceOf(PackageRejectedException.class)
                    .hasMessageContaining("ended after 5 of the announced 6 bytes; nothing was kept");
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void a_package_longer_than_announced_is_refused_as_soon_as_the_excess_arrives() throws IOException {
        byte[] content = bytes("longer than said");
        try (PackageStore.Upload upload = store.begin(Sha256.hex(content), 10)) {
            upload.write(ByteBuffer.wrap(content, 0, 10));

            assertThatThrownBy(() -> upload.write(ByteBuffer.wrap(content, 10, 1)))
                    .isInstanceOf(PackageRejectedException.class)
                    .hasMessageContaining("larger than the announced 10 bytes; nothing was kept");
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void a_package_whose_digest_is_not_the_announced_one_is_refused_and_nothing_is_kept() throws IOException {
        byte[] announced = bytes("the real package");
        byte[] tampered = bytes("the real packagE");
        String sha256 = Sha256.hex(announced);
        try (PackageStore.Upload upload = store.begin(sha256, tampered.length)) {
            upload.write(ByteBuffer.wrap(tampered));

            assertThatThrownBy(upload::complete).isInstanceOf(PackageRejectedException.class)
                    .hasMessageContaining("is " + Sha256.hex(tampered) + ", not the announced " + sha256);
        }
        assertThat(files()).isEmpty();
        assertThat(store.contains(sha256)).isFalse();
        assertThat(store.open(sha256)).isEmpty();
    }

    @Test
    void an_upload_closed_before_completing_keeps_nothing() throws IOException {
        byte[] content = bytes("abandoned");
        try (PackageStore.Upload upload = store.begin(Sha256.hex(content), content.length)) {
            upload.write(ByteBuffer.wrap(content, 0, 4));
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void the_same_package_uploaded_twice_is_stored_once_and_still_checked() throws IOException {
        byte[] content = bytes("same bytes");
        String sha256 = Sha256.hex(content);
        store(content, 3);
        Path file = directory.resolve(sha256.substring(0, 2)).resolve(sha256);
        long inode = (Long) Files.getAttribute(file, "unix:ino");

        store(content, 4);

        assertThat(files()).containsExactly(sha256.substring(0, 2) + "/" + sha256);
        assertThat((Long) Files.getAttribute(file, "unix:ino")).as("the first copy is kept").isEqualTo(inode);
        try (PackageStore.Upload again = store.begin(sha256, content.length)) {
            again.write(ByteBuffer.wrap(bytes("other byte")));
            assertThatThrownBy(again::complete).as("a second upload is checked too")
                    .isInstanceOf(PackageRejectedException.class);
        }
        assertThat(files()).containsExactly(sha256.substring(0, 2) + "/" + sha256);
    }

    @Test
    void an_address_that_is_not_a_sha256_is_refused() {
        assertThatThrownBy(() -> store.begin("../../etc/passwd", 1)).isInstanceOf(PackageRejectedException.class)
                .hasMessageContaining("64 lower-case hex digits");
        assertThat(store.open("../../etc/passwd")).isEmpty();
        assertThat(store.contains("ABC")).isFalse();
    }

    @Test
    void uploads_interrupted_by_a_stop_are_removed_when_the_store_opens() throws IOException {
        byte[] content = bytes("interrupted");
        PackageStore.Upload upload = store.begin(Sha256.hex(content), content.length);
        upload.write(ByteBuffer.wrap(content, 0, 3));
        assertThat(files()).singleElement().asString().startsWith(FilePackageStore.TEMPORARY_PREFIX);

        FilePackageStore.open(directory);

        assertThat(files()).isEmpty();
    }

    @Test
    void a_large_package_is_streamed_to_disk_with_memory_that_stays_flat() throws Exception {
        long size = 96L * 1024 * 1024;
        byte[] chunk = new byte[8192];
        MessageDigest expected = Sha256.digest();
        Random random = new Random(42);
        for (long written = 0; written < size; written += chunk.length) {
            random.nextBytes(chunk);
            expected.update(chunk);
        }
        String sha256 = HexFormat.of().formatHex(expected.digest());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeapAfterGc(memory);
        long midway = 0;

        random = new Random(42);
        try (PackageStore.Upload upload = store.begin(sha256, size)) {
            ByteBuffer buffer = ByteBuffer.wrap(chunk);
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                buffer.clear();
                upload.write(buffer);
                if (written == size * 3 / 4) {
                    midway = usedHeapAfterGc(memory);
                }
            }
            upload.complete();
        }

        assertThat(midway - before).as("heap held while 72 of 96 MiB were received").isLessThan(16L * 1024 * 1024);
        try (PackageStore.StoredPackage stored = store.open(sha256).orElseThrow()) {
            assertThat(stored.size()).isEqualTo(size);
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
