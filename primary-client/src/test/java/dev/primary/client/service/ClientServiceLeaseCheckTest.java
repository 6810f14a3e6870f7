package dev.primary.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.testing.LeaseMaker;
import dev.primary.client.testing.LogCapture;
import dev.primary.client.testing.ScriptedServer;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.LeasePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientServiceLeaseCheckTest {
    @TempDir
    Path home;

    @Test
    void a_tampered_lease_on_disk_is_rejected_moved_aside_and_the_client_registers() {
        ServiceHarness harness = new ServiceHarness(home);
        SignedDocument genuine = harness.serverKeys.lease(harness.clientId(), ServiceHarness.START, Duration.ofDays(7));
        LeasePayload payload = Json.read(genuine.unverifiedPayload(), LeasePayload.class);
        LeasePayload extended = new LeasePayload(payload.leaseId(), payload.serverId(), payload.clientId(),
                payload.computer(), payload.licenseSerial(), payload.features(), payload.issuedAt(), payload.renewAfter(),
                payload.expiresAt().plus(Duration.ofDays(365)));
        harness.leaseFile.save(new SignedDocument(genuine.kind(), genuine.keyId(),
                Base64Url.encode(Json.write(extended)), genuine.signature()));

        List<String> warnings = startOffline(harness);

        assertRejected(harness, warnings, "signature does not verify");
    }

    @Test
    void a_lease_file_that_is_not_a_signed_document_is_rejected() throws Exception {
        ServiceHarness harness = new ServiceHarness(home);
        Files.writeString(home.resolve("lease.json"), "{\"kind\":\"lease\"", StandardCharsets.UTF_8);

        List<String> warnings = startOffline(harness);

        assertRejected(harness, warnings, "lease.json is not a signed document");
    }

    @Test
    void a_lease_for_another_client_is_rejected() {
        ServiceHarness harness = new ServiceHarness(home);
        String otherClient = Ed25519.generate().publicKey().keyId();
        harness.leaseFile.save(harness.serverKeys.lease(otherClient, ServiceHarness.START, Duration.ofDays(7)));

        List<String> warnings = startOffline(harness);

        assertRejected(harness, warnings, "was issued to client " + otherClient + ", not to this client");
    }

    @Test
    void a_lease_signed_by_another_key_is_rejected() {
        ServiceHarness harness = new ServiceHarness(home);
        LeaseMaker impostor = new LeaseMaker();
        harness.leaseFile.save(impostor.lease(harness.clientId(), ServiceHarness.START, Duration.ofDays(7)));

        List<String> warnings = startOffline(harness);

        assertRejected(harness, warnings, "not by the trusted key " + harness.serverKeys.publicKey().keyId());
    }

    @Test
    void a_lease_from_the_wire_for_another_client_is_rejected_kept_aside_and_not_used() {
        ServiceHarness harness = new ServiceHarness(home);
        String otherClient = Ed25519.generate().publicKey().keyId();
        harness.server().answer(call -> new CheckInAnswer.Licensed(
                harness.serverKeys.lease(otherClient, harness.time.now(), Duration.ofDays(7)), 14400));
        try (LogCapture log = new LogCapture()) {
            harness.start();
            harness.advance(Duration.ofSeconds(60));

            assertThat(log.warnings()).filteredOn(line -> line.startsWith("Lease from primary.test:16770 rejected"))
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("was issued to client " + otherClient));
        }
        assertThat(harness.recorder.starts()).isZero();
        assertThat(home.resolve("lease.json")).doesNotExist();
        assertThat(home.resolve("lease.json.rejected")).exists();
        assertThat(harness.status().state()).isEqualTo(ClientState.UNLICENSED);
        assertThat(harness.status().reason()).startsWith("primary.test:16770 sent a lease this client cannot use");
        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind).containsExactly("register", "register");
    }

    @Test
    void an_expired_lease_on_disk_is_not_used_and_the_client_registers() {
        ServiceHarness harness = new ServiceHarness(home);
        harness.leaseFile.save(harness.serverKeys.lease(harness.clientId(), ServiceHarness.START.minus(Duration.ofDays(8)),
                Duration.ofDays(7)));

        startOffline(harness);

        assertThat(harness.recorder.starts()).isZero();
        assertThat(harness.status().state()).isEqualTo(ClientState.EXPIRED);
        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind).containsExactly("register");
    }

    private static List<String> startOffline(ServiceHarness harness) {
        harness.server().goDown();
        try (LogCapture log = new LogCapture()) {
            harness.start();
            return log.warnings();
        }
    }

    private void assertRejected(ServiceHarness harness, List<String> warnings, String why) {
        assertThat(warnings).filteredOn(line -> line.startsWith("Lease on disk rejected")).singleElement()
                .satisfies(line -> assertThat(line).contains(why).contains("lease.json.rejected"));
        assertThat(home.resolve("lease.json")).doesNotExist();
        assertThat(home.resolve("lease.json.rejected")).exists();
        assertThat(harness.recorder.starts()).isZero();
        assertThat(harness.status().state()).isEqualTo(ClientState.UNLICENSED);
        assertThat(harness.server().checkIns()).extracting(ScriptedServer.Call::kind).containsExactly("register");
    }
}
