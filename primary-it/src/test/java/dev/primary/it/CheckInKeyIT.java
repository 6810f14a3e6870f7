package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.home.CheckInKeyFile;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.testkit.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check-in keys end to end: real server and client processes, real SQLite, real TLS over loopback; 1 s stands in for
 * the four hours. The client gets its key with its signed registration, checks in with it, and after the server's
 * secret is replaced signs once and gets a key of the new version.
 */
class CheckInKeyIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;

    @TempDir
    Path work;

    @Test
    void a_client_checks_in_with_its_key_and_a_replaced_server_secret_makes_it_sign_once_for_a_new_key()
            throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start();
        try {
            server.license(vendor, "KEY-1", 2);
            try (ClientProcess client = ClientProcess.deploy(server, work, "PC-MAC").start("300ms", "1s")) {
                Path keyFile = client.home().resolve(CheckInKeyFile.FILE_NAME);
                Eventually.within(PATIENCE, () -> assertThat(keyFile).exists());
                assertThat(Files.readString(keyFile)).startsWith("1 ");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
                ServerProcess first = server;
                Instant keyed = first.computer("PC-MAC").lastContact();
                Eventually.within(PATIENCE, () -> assertThat(first.computer("PC-MAC").lastContact()).isAfter(keyed));
                assertThat(Files.readString(keyFile)).as("the MAC'd check-in was taken: the key is kept").startsWith("1 ");
                // The server records a contact as it answers; the client writes its state once it has read the answer.
                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));

                server.stop();
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.writeString(work.resolve("server/keys/check-in-key-secret"), "2 " + Base64Url.encode(secret)
                        + "\n");
                server = server.successor(work.resolve("server"), vendor).start();

                Eventually.within(PATIENCE, () -> assertThat(Files.readString(keyFile)).startsWith("2 "));
                Instant rekeyed = server.computer("PC-MAC").lastContact();
                ServerProcess restarted = server;
                Eventually.within(PATIENCE, () -> assertThat(restarted.computer("PC-MAC").lastContact())
                        .isAfter(rekeyed));
                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
                assertThat(client.output()).contains("no longer takes check-in key version 1");
            }
        } finally {
            server.close();
        }
    }
}
