package dev.primary.client.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.primary.client.testing.LogCapture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictModesTest {
    @TempDir
    Path temp;

    private Path dir;
    private ClientHome home;
    private final StrictModes strict = StrictModes.forThisProcess();

    @BeforeEach
    void installOwnerOnly() throws IOException {
        dir = temp.resolve("client");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        home = new ClientHome(dir);
        write(home.configFile(), "rw-------");
        write(home.keyFile(), "rw-------");
    }

    @Test
    void a_home_written_owner_only_passes() {
        assertThatCode(() -> strict.check(home)).doesNotThrowAnyException();
    }

    @Test
    void a_home_readable_by_all_with_files_readable_by_all_passes_but_for_the_key() throws IOException {
        chmod(dir, "rwxr-xr-x");
        chmod(home.configFile(), "rw-r--r--");

        assertThatCode(() -> strict.check(home)).doesNotThrowAnyException();
    }

    @Test
    void home_writable_by_others_is_refused_with_the_fix() throws IOException {
        chmod(dir, "rwxrwxrwx");

        assertThatThrownBy(() -> strict.check(home)).isInstanceOf(UnsafeHomeException.class)
                .hasMessage(dir.toRealPath() + " is writable by group and others, so users of this computer could "
                        + "replace what the Client Service trusts; fix with: chmod go-w " + dir.toRealPath());
    }

    @Test
    void client_json_writable_by_group_is_refused_with_the_fix() throws IOException {
        chmod(home.configFile(), "rw-rw----");

        assertThatThrownBy(() -> strict.check(home)).isInstanceOf(UnsafeHomeException.class)
                .hasMessageStartingWith(home.configFile() + " is writable by group")
                .hasMessageEndingWith("fix with: chmod go-w " + home.configFile());
    }

    @Test
    void a_client_key_writable_by_others_is_refused() throws IOException {
        chmod(home.keyFile(), "rw-----w-");

        assertThatThrownBy(() -> strict.check(home)).isInstanceOf(UnsafeHomeException.class)
                .hasMessageStartingWith(home.keyFile() + " is writable by others");
    }

    @Test
    void a_client_key_readable_by_others_is_refused_as_a_private_key() throws IOException {
        chmod(home.keyFile(), "rw-r--r--");

        assertThatThrownBy(() -> strict.check(home)).isInstanceOf(UnsafeHomeException.class)
                .hasMessage(home.keyFile() + " is readable by group and others, but it is this client's private key "
                        + "(whoever copies it can pass for this client); fix with: chmod go-rwx " + home.keyFile());
    }

    @Test
    void a_home_without_a_key_yet_passes() throws IOException {
        Files.delete(home.keyFile());

        assertThatCode(() -> strict.check(home)).doesNotThrowAnyException();
    }

    @Test
    void a_directory_above_the_home_writable_by_others_is_refused() throws IOException {
        Path parent = temp.resolve("shared");
        Files.createDirectory(parent);
        Files.move(dir, parent.resolve("client"));
        home = new ClientHome(parent.resolve("client"));
        chmod(parent, "rwxrwxrwx");

        assertThatThrownBy(() -> strict.check(home)).isInstanceOf(UnsafeHomeException.class)
                .hasMessageStartingWith(parent.toRealPath() + " is writable by group and others");
    }

    @Test
    void a_sticky_directory_above_the_home_may_be_writable_by_all_as_tmp_is() throws Exception {
        Path parent = temp.resolve("sticky");
        Files.createDirectory(parent);
        Files.move(dir, parent.resolve("client"));
        home = new ClientHome(parent.resolve("client"));
        Process chmod = new ProcessBuilder("chmod", "1777", parent.toString()).inheritIO().start();
        assumeTrue(chmod.waitFor() == 0, "chmod 1777 works here");

        assertThatCode(() -> strict.check(home)).doesNotThrowAnyException();
    }

    @Test
    void a_file_owned_by_another_user_is_refused_with_the_chown_fix() throws IOException {
        UserPrincipal nobody = otherUserOrSkip();
        Files.setOwner(home.configFile(), nobody);
        String account = System.getProperty("user.name");

        assertThatThrownBy(() -> strict.check(home)).isInstanceOf(UnsafeHomeException.class)
                .hasMessage(home.configFile() + " is owned by " + nobody.getName() + ", not by root or " + account
                        + " (the account the Client Service runs as), so its owner could replace what the service "
                        + "trusts; fix with: chown " + account + " " + home.configFile());
    }

    @Test
    void files_owned_by_root_pass_for_any_account() throws IOException {
        assumeTrue(Files.getOwner(home.configFile()).getName().equals("root"), "the test runs as root");

        assertThatCode(() -> new StrictModes(new StrictModes.Account(4242, "primary")).check(home))
                .doesNotThrowAnyException();
    }

    @Test
    void files_owned_by_the_account_pass_and_files_of_another_account_do_not() throws IOException {
        UserPrincipal nobody = otherUserOrSkip();
        Files.setOwner(dir, nobody);
        int nobodyUid = (Integer) Files.getAttribute(dir, "unix:uid");

        assertThatCode(() -> new StrictModes(new StrictModes.Account(nobodyUid, nobody.getName())).check(home))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new StrictModes(new StrictModes.Account(4242, "primary")).check(home))
                .isInstanceOf(UnsafeHomeException.class).hasMessageContaining("chown primary " + dir.toRealPath());
    }

    @Test
    void a_home_on_a_file_system_without_posix_permissions_is_skipped_with_a_warning() throws IOException {
        Path zip = temp.resolve("home.zip");
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"));
                LogCapture log = new LogCapture()) {
            Path zipHome = Files.createDirectory(zipFs.getPath("/client"));
            Files.writeString(zipHome.resolve("client.json"), "{}");

            assertThatCode(() -> strict.check(new ClientHome(zipHome))).doesNotThrowAnyException();
            assertThatCode(() -> strict.check(new ClientHome(zipHome))).doesNotThrowAnyException();

            assertThat(log.warnings()).singleElement().asString().contains("/client is on a file system without POSIX "
                    + "permissions").contains("is skipped");
        }
    }

    @Test
    void an_installer_checks_the_directories_a_new_home_goes_in() throws IOException {
        Path parent = temp.resolve("open");
        Files.createDirectory(parent);
        chmod(parent, "rwxrwxr-x");

        assertThatThrownBy(() -> strict.checkExistingPart(parent.resolve("a").resolve("client")))
                .isInstanceOf(UnsafeHomeException.class)
                .hasMessageStartingWith(parent.toRealPath() + " is writable by group");
        assertThatCode(() -> strict.checkExistingPart(temp.resolve("new-client"))).doesNotThrowAnyException();
    }

    private static UserPrincipal otherUserOrSkip() throws IOException {
        assumeTrue(Files.getOwner(Path.of(System.getProperty("java.io.tmpdir"))).getName().equals("root")
                && System.getProperty("user.name").equals("root"), "only root can give a file to another user");
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    }

    private static void write(Path file, String permissions) throws IOException {
        Files.writeString(file, "x\n");
        chmod(file, permissions);
    }

    private static void chmod(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
}
