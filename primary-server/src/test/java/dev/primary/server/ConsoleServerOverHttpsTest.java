package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.server.config.ServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's server page over real HTTPS on a real server: what the admin API's server, counters and readiness
 * routes tell, for a viewer, and no secret of the data directory or the session.
 */
class ConsoleServerOverHttpsTest {
    private static final String PASSWORD = "console-password-Qw27";

    @TempDir
    Path dataDirectory;
    private LiveServer live;

    private ServerConfiguration configuration;

    @BeforeEach
    void start() throws Exception {
        configuration = ServerConfiguration.onFreeLoopbackPorts(dataDirectory);
        live = LiveServer.startLicensed(configuration);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void a_viewer_sees_the_pin_key_ids_trusted_keys_store_counters_and_readiness_and_no_secret() throws Exception {
        HttpResponse<String> created = live.admin.postJson("/admin/v1/accounts",
                LiveServer.json(new AccountRequest("vera", AccountRole.VIEWER, PASSWORD)), live.bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        SignedInBrowser viewer = SignedInBrowser.loggedIn(live, "vera", PASSWORD);

        HttpResponse<String> page = viewer.get("/console/server");

        assertThat(page.statusCode()).isEqualTo(200);
        String serverKey = Files.readString(live.server.dataDirectory().resolve("keys/server-signing.pub")).strip();
        assertThat(page.body()).contains("value=\"" + live.server.tlsPin() + "\"")
                .contains(Files.readString(live.server.dataDirectory().resolve("installation-id")).strip())
                .contains("127.0.0.1:" + live.server.clientPort())
                .contains("<dd id=\"server-key-id\" class=\"recorder\">" + PublicKey.decode(serverKey).keyId())
                .contains("<dd id=\"release-keys\" class=\"recorder\">" + live.releaseKey.publicKey().keyId() + "</dd>")
                .contains("<dd id=\"vendor-keys\" class=\"recorder\">" + KeyFiles.readPublicKey(
                        configuration.trustedVendorsDirectory().resolve("vendor.pub")).keyId() + "</dd>")
                .contains("sqlite:").contains("<span class=\"badge licensed\">ready</span>")
                .contains("<tr><th scope=\"row\">Registrations</th><td>1</td></tr>")
                .contains("aria-current=\"page\">Server</a>");
        String session = viewer.cookies.get("primary_session");
        List<String> secrets = Stream.concat(Stream.of(session.substring(session.indexOf('.') + 1), PASSWORD),
                Stream.of("admin-token", "keys/server-signing.key", "keys/tls.key")
                        .flatMap(file -> wordsOf(live.server.dataDirectory().resolve(file)))).toList();
        assertThat(secrets).hasSizeGreaterThan(3);
        assertThat(secrets).allSatisfy(secret -> assertThat(page.body()).doesNotContain(secret));
    }

    @Test
    void a_broken_trusted_key_file_is_named_on_the_page_which_still_shows_the_rest() throws Exception {
        HttpResponse<String> created = live.admin.postJson("/admin/v1/accounts",
                LiveServer.json(new AccountRequest("vera", AccountRole.VIEWER, PASSWORD)), live.bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        SignedInBrowser viewer = SignedInBrowser.loggedIn(live, "vera", PASSWORD);
        Files.writeString(configuration.trustedVendorsDirectory().resolve("broken.pub"), "not a key\n");

        HttpResponse<String> page = viewer.get("/console/server");
        HttpResponse<String> api = live.admin.get("/admin/v1/server", live.bearer());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"trusted-keys-problem\"").contains("broken.pub")
                .contains("value=\"" + live.server.tlsPin() + "\"").doesNotContain("id=\"vendor-keys\"");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("broken.pub").contains("\"trustedVendorKeys\":[]");
    }

    /** The long words of a secret file: its token, its key's text or the lines of a PEM body. */
    private static Stream<String> wordsOf(Path file) {
        try {
            return Arrays.stream(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\\s+"))
                    .filter(word -> word.length() >= 16 && !word.contains("-----"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
