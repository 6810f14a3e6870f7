package dev.primary.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.Eventually;
import dev.primary.client.testing.FakePrimaryServer;
import dev.primary.client.testing.JavaCommand;
import dev.primary.client.testing.TestInstall;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client-service run} signs with the JDK's Ed25519 and never loads BouncyCastle (its classes cost an idle
 * client resident memory), while the server side of this test verifies its requests and signs its leases with
 * BouncyCastle: the two interoperate over the wire. A well-formed {@code run} does not load picocli either.
 */
class IdleServiceCryptoTest {
    @TempDir
    Path home;

    @Test
    void a_licensed_service_checks_in_with_jdk_signatures_and_loads_no_bouncycastle_or_picocli_class() throws Exception {
        try (FakePrimaryServer server = FakePrimaryServer.start()) {
            TestInstall.install(home, server.configServer());
            List<String> command = JavaCommand.of(ClientServiceMain.class, "run", "--home", home.toString(),
                    "--retry-interval", "250ms");
            command.add(1, "-Xlog:class+load=info:file=" + home.resolve("classes.log"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.out").toFile())
                    .start();
            try {
                Eventually.waitUntil("licensed and recording", Duration.ofSeconds(40),
                        () -> recordedLines() >= 2);
                assertThat(server.received("/v1/register")).as("a registration whose signature the server checked")
                        .isNotEmpty();
            } finally {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }

            String classes = Files.readString(home.resolve("classes.log"), StandardCharsets.UTF_8);
            assertThat(classes).contains("dev.primary.protocol.crypto.JdkEd25519")
                    .contains("sun.security.ec.ed.EdDSASignature")
                    .doesNotContain("org.bouncycastle")
                    .doesNotContain("dev.primary.protocol.crypto.BouncyCastleEd25519")
                    .doesNotContain("picocli.")
                    .contains("dev.primary.client.cli.ServiceRun");
        }
    }

    private long recordedLines() {
        try {
            return Files.readAllLines(home.resolve("recorder.log")).size();
        } catch (java.io.IOException notYet) {
            return 0;
        }
    }
}
