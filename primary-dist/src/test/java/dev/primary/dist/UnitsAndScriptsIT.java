package dev.primary.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian packages' systemd units and maintainer scripts, checked in a scratch root: the units with
 * {@code systemd-analyze verify}, the scripts with {@code sh -n} and their remove and purge paths under
 * {@code DPKG_ROOT} (which also keeps them from calling the machine's systemd).
 */
class UnitsAndScriptsIT {
    static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path scratch;

    @Test
    void both_units_pass_systemd_analyze_verify_without_a_warning() throws IOException {
        assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "no " + SYSTEMD_ANALYZE + " on this machine: units not verified");
        Path root = Files.createDirectories(scratch.resolve("root"));
        run("dpkg-deb", "-x", PackagesIT.serverDeb().toString(), root.toString());
        run("dpkg-deb", "-x", PackagesIT.clientDeb().toString(), root.toString());
        // the targets the units name, copied from this machine so that the scratch root has them
        Path units = root.resolve("lib/systemd/system");
        try (Stream<Path> host = Files.list(Path.of("/lib/systemd/system"))) {
            for (Path unit : host.filter(p -> p.toString().endsWith(".target") || p.toString().endsWith(".slice")).toList()) {
                if (!Files.exists(units.resolve(unit.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(unit, units.resolve(unit.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        for (String unit : List.of("primary-server.service", "primary-client.service")) {
            Path log = scratch.resolve(unit + ".log");
            int exit = Launched.run(log, Map.of(), List.of(SYSTEMD_ANALYZE.toString(), "--root=" + root, "verify",
                    "/lib/systemd/system/" + unit));
            assertThat(exit).as("systemd-analyze verify %s:\n%s", unit, Files.readString(log)).isZero();
            assertThat(Files.readString(log)).as("systemd-analyze verify %s", unit).isEmpty();
        }
    }

    @Test
    void maintainer_scripts_parse_the_configuration_is_a_conffile_and_only_a_purge_deletes_the_data() throws IOException {
        for (Path deb : List.of(PackagesIT.serverDeb(), PackagesIT.clientDeb())) {
            Path control = scratch.resolve(deb.getFileName() + ".control");
            run("dpkg-deb", "-e", deb.toString(), control.toString());
            for (String script : List.of("postinst", "prerm", "postrm")) {
                run("sh", "-n", control.resolve(script).toString());
            }
            assertThat(Files.readString(control.resolve("control"))).contains("Version: "
                    + PackagesIT.VERSION.replace("-SNAPSHOT", "~SNAPSHOT"));
            boolean server = deb.getFileName().toString().startsWith("primary-server");
            assertThat(Files.readString(control.resolve("conffiles"))).as("configuration kept by upgrades")
                    .contains(server ? "/etc/primary/server.properties" : "/etc/default/primary-client");
            String data = server ? "var/lib/primary" : "var/lib/primary-client";
            Path root = Files.createDirectories(scratch.resolve(deb.getFileName() + ".root"));
            Path dataDir = Files.createDirectories(root.resolve(data));
            Files.writeString(dataDir.resolve("primary.db"), "kept");
            Map<String, String> fakeRoot = Map.of("DPKG_ROOT", root.toString());
            Path postrm = control.resolve("postrm");

            assertThat(Launched.run(scratch.resolve("remove.log"), fakeRoot, List.of("sh", postrm.toString(), "remove")))
                    .isZero();
            assertThat(dataDir.resolve("primary.db")).as("data kept on remove").hasContent("kept");

            assertThat(Launched.run(scratch.resolve("purge.log"), fakeRoot, List.of("sh", postrm.toString(), "purge")))
                    .isZero();
            assertThat(dataDir).as("data deleted on purge").doesNotExist();
        }
    }

    private void run(String... command) throws IOException {
        Path log = scratch.resolve("tool.log");
        Files.deleteIfExists(log);
        int exit = Launched.run(log, Map.of(), List.of(command));
        assertThat(exit).as("%s\n%s", String.join(" ", command), Files.readString(log)).isZero();
    }
}
