package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.admin.PrimaryAdminMain;
import dev.primary.server.identity.AdminEndpoint;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.InProcessCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts with real server and primary-admin processes: the first account made on the server's host with the
 * password on standard input, its API token used from "elsewhere" (--url, --pin, --token-file) with the account's
 * role, and neither password nor token in the server's log.
 */
class AccountsIT {
    private static final String PASSWORD = "viewer-password-It-42";

    @TempDir
    Path work;
    private ServerProcess server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_account_made_on_the_host_acts_elsewhere_with_its_role_and_leaves_no_secret_in_the_log() throws Exception {
        server = new ServerProcess(work.resolve("server"), new Vendor(work.resolve("vendor"))).start();
        Path passwordFile = Files.writeString(work.resolve("password"), PASSWORD + "\n");

        CommandResult created = server.adminByRealProcess(passwordFile, "account", "create", "vic", "--role", "viewer");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stdout()).isEqualTo("Created account vic with the role viewer.\n");
        String token = server.adminSucceeds("account", "token", "create", "vic", "--expires", "1d").lines().findFirst()
                .orElseThrow();
        Path tokenFile = Files.writeString(work.resolve("vic-token"), token + "\n");
        AdminEndpoint endpoint = AdminEndpoint.readFrom(server.dataDirectory().resolve("admin-endpoint"));

        CommandResult summary = asVic(endpoint, tokenFile, "summary");
        CommandResult enrollment = asVic(endpoint, tokenFile, "enrollment", "create");

        assertThat(summary.exitCode()).as(summary.toString()).isZero();
        assertThat(enrollment.exitCode()).as(enrollment.toString()).isEqualTo(1);
        assertThat(enrollment.stderr()).contains("needs the role administrator").contains("\"vic\" has the role viewer");
        assertThat(server.adminSucceeds("audit")).contains("account.created", "host-admin");
        assertThat(server.output()).doesNotContain(PASSWORD).doesNotContain(token.substring(token.indexOf('.') + 1));
    }

    private static CommandResult asVic(AdminEndpoint endpoint, Path tokenFile, String... command) {
        String[] all = new String[command.length + 6];
        all[0] = "--url";
        all[1] = endpoint.url();
        all[2] = "--pin";
        all[3] = endpoint.tlsPin();
        all[4] = "--token-file";
        all[5] = tokenFile.toString();
        System.arraycopy(command, 0, all, 6, command.length);
        return InProcessCommand.capture((out, err) -> PrimaryAdminMain.run(out, err, all));
    }
}
