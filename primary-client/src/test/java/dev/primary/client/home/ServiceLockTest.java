package dev.primary.client.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLockTest {
    @TempDir
    Path dir;

    @Test
    void a_second_lock_on_the_same_home_fails_at_once_naming_the_holder() throws Exception {
        ClientHome home = new ClientHome(dir);
        try (ServiceLock held = ServiceLock.take(home)) {
            assertThatThrownBy(() -> ServiceLock.take(home)).isInstanceOf(HomeInUseException.class)
                    .hasMessage("another Client Service (pid " + ProcessHandle.current().pid() + ") is already running on "
                            + dir + "; stop it first, or give each service its own --home");
            assertThat(Files.readString(home.lockFile()).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void a_released_lock_can_be_taken_again_and_its_file_stays_owner_only() throws Exception {
        ClientHome home = new ClientHome(dir);
        ServiceLock.take(home).close();
        Files.setPosixFilePermissions(home.lockFile(), PosixFilePermissions.fromString("rw-r--r--"));

        try (ServiceLock again = ServiceLock.take(home)) {
            assertThat(Files.getPosixFilePermissions(home.lockFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }
}
