package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.primary.server.config.ServerConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start on a really full file system: a 4 MiB tmpfs, filled up. Mounting needs root (the build runs as
 * root here); where it cannot mount, this test fails saying so, it never skips.
 */
class FullDiskStartTest {
    @TempDir
    Path temp;

    private Path mountPoint;

    @BeforeEach
    void mount_a_small_file_system() throws Exception {
        mountPoint = Files.createDirectory(temp.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs",
                mountPoint.toString()).redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (mount.waitFor() != 0) {
            mountPoint = null;
            fail("this test needs to mount a 4 MiB tmpfs (run the build as root, or where 'mount -t tmpfs' is "
                    + "allowed); mount said: " + output);
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void a_start_on_a_full_disk_says_no_space_left_and_names_the_data_directory() throws IOException {
        Path dataDirectory = mountPoint.resolve("data");
        ServerConfiguration configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory);
        PrimaryServer.start(configuration, Clock.systemUTC()).close();
        fill(mountPoint.resolve("filler"));

        assertThatThrownBy(() -> PrimaryServer.start(configuration, Clock.systemUTC()))
                .isInstanceOf(ServerStartException.class)
                .hasMessageStartingWith("no space left on the device holding " + dataDirectory + " (disk full, ")
                .hasMessageContaining("free space there and start again");
        assertThat(Files.size(dataDirectory.resolve("primary.db"))).isPositive();
    }

    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
    }
}
