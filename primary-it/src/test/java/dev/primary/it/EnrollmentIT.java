package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.TrafficCounters;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.message.Problem;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.JavaProcess;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One seat, one proven computer, with real server, Deployment Utility, primary-admin and Client Service processes:
 * enrollment tokens, conflicts over one name, revocation by key, the registration limit and one service per home.
 * The real-CLI checks of the Deployment Utility's refusals, of {@code primary-admin computers} and of a second
 * {@code client-service run} are here.
 */
class EnrollmentIT {
    private static final Duration PATIENCE = Patience.FAILURE_BOUND;

    @TempDir
    Path work;

    private static CreatedEnrollmentToken token(ServerProcess server, String... options) {
        List<String> arguments = new ArrayList<>(List.of("enrollment", "create"));
        arguments.addAll(List.of(options));
        arguments.add("--json");
        return Json.read(server.adminSucceeds(arguments.toArray(String[]::new)).getBytes(), CreatedEnrollmentToken.class);
    }

    private static CommandResult deploymentUtility(ServerProcess server, Path home, String token) {
        return JavaProcess.run(Duration.ofMinutes(2), Map.of(), Programs.DEPLOYMENT_UTILITY, "--server", "127.0.0.1",
                "--port", Integer.toString(server.clientPort()), "--out", home.toString(), "--computer-name", "PC-X",
                "--recorder-command", "/bin/true", "--enrollment-token", token);
    }

    private static HttpClient pinned(ServerProcess server) throws Exception {
        Hello hello = ProtocolClient.hello(HttpClient.newBuilder().sslContext(PinnedTls.capturing(
                new java.util.concurrent.atomic.AtomicReference<>())).build(), server.clientPort());
        return ProtocolClient.httpClient(new TlsPin(hello.tlsPin()));
    }

    private static Problem problemOf(HttpResponse<byte[]> response) {
        return Json.read(response.body(), Problem.class);
    }

    @Test
    void a_registration_without_a_token_is_refused_and_a_token_of_two_uses_enrolls_two_computers_only() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "ENROLL-1", 5);
            HttpClient http = pinned(server);
            ProtocolClient stranger = new ProtocolClient(http, server.clientPort(), ComputerIdentity.computer("PC-NONE", "CORP"));
            HttpResponse<byte[]> refused = stranger.post("/v1/register", Json.write(stranger.registerRequest()));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(problemOf(refused).type()).isEqualTo(ProblemType.ENROLLMENT_TOKEN_REQUIRED.uri());
            assertThat(server.computers()).as("nothing stored for it").isEmpty();

            String twoUses = token(server, "--name", "two", "--uses", "2").token();
            try (ClientProcess first = ClientProcess.deploy(server, work.resolve("a"), "PC-ONE", "--enrollment-token", twoUses)
                    .start("300ms", "4h");
                    ClientProcess second = ClientProcess.deploy(server, work.resolve("b"), "PC-TWO", "--enrollment-token",
                            twoUses).start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> {
                    assertThat(first.state().state()).isEqualTo("licensed");
                    assertThat(second.state().state()).isEqualTo("licensed");
                });
                CommandResult third = deploymentUtility(server, work.resolve("c"), twoUses);
                assertThat(third.exitCode()).as(third.toString()).isNotZero();
                assertThat(third.stderr()).contains("enrolled all 2 computers");
                assertThat(work.resolve("c").resolve("client.json")).doesNotExist();
                ProtocolClient thirdByHand = new ProtocolClient(http, server.clientPort(),
                        ComputerIdentity.computer("PC-THREE", "CORP")).carrying(twoUses);
                HttpResponse<byte[]> usedUp = thirdByHand.post("/v1/register", Json.write(thirdByHand.registerRequest()));
                assertThat(problemOf(usedUp).type()).isEqualTo(ProblemType.ENROLLMENT_TOKEN_USED_UP.uri());
                assertThat(server.adminSucceeds("enrollment", "list")).contains("two").contains("used-up");
            }
        }
    }

    @Test
    void an_expired_and_a_revoked_token_are_refused_at_the_deployment_utility_and_at_registration() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "ENROLL-2", 5);
            CreatedEnrollmentToken revoked = token(server, "--name", "leaked");
            server.adminSucceeds("enrollment", "revoke", revoked.view().id());
            CreatedEnrollmentToken expiring = token(server, "--name", "short", "--expires", "1s");
            Eventually.within(PATIENCE, () -> assertThat(server.adminSucceeds("enrollment", "list")).contains("expired"));

            CommandResult atRevoked = deploymentUtility(server, work.resolve("r"), revoked.token());
            CommandResult atExpired = deploymentUtility(server, work.resolve("e"), expiring.token());

            assertThat(atRevoked.exitCode()).isNotZero();
            assertThat(atRevoked.stderr()).contains("revoked");
            assertThat(atExpired.exitCode()).isNotZero();
            assertThat(atExpired.stderr()).contains("expired");
            assertThat(work.resolve("r")).doesNotExist();
            assertThat(work.resolve("e")).doesNotExist();
            HttpClient http = pinned(server);
            for (var token : List.of(revoked, expiring)) {
                ProtocolClient client = new ProtocolClient(http, server.clientPort(),
                        ComputerIdentity.computer("PC-" + token.view().id(), "CORP")).carrying(token.token());
                HttpResponse<byte[]> answer = client.post("/v1/register", Json.write(client.registerRequest()));
                assertThat(answer.statusCode()).isEqualTo(401);
                assertThat(problemOf(answer).type()).isIn(ProblemType.ENROLLMENT_TOKEN_REVOKED.uri(),
                        ProblemType.ENROLLMENT_TOKEN_EXPIRED.uri());
            }
            assertThat(server.computers()).isEmpty();
        }
    }

    @Test
    void three_client_services_with_one_name_run_one_recorder_and_the_others_show_the_conflict() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "ENROLL-3", 5);
            List<ClientProcess> copies = new ArrayList<>();
            try {
                for (String place : List.of("one", "two", "three")) {
                    copies.add(ClientProcess.deploy(server, work.resolve(place), "PC-17").start("300ms", "4h"));
                }
                Eventually.within(PATIENCE, () -> {
                    assertThat(copies).filteredOn(copy -> copy.state().state().equals("licensed")).hasSize(1);
                    assertThat(server.computers()).filteredOn(view -> view.state() == ComputerState.CONFLICT).hasSize(2);
                });
                ClientProcess holder = copies.stream().filter(copy -> copy.state().state().equals("licensed"))
                        .findFirst().orElseThrow();
                Eventually.within(PATIENCE, () -> assertThat(holder.recordingLines()).isPositive());
                assertThat(server.summary().used()).isEqualTo(1);
                // The server marks a conflict as it answers; the copy writes its status once it has read the answer.
                Eventually.within(PATIENCE, () -> {
                    for (ClientProcess copy : copies) {
                        if (copy != holder) {
                            assertThat(copy.state().recorderRunning()).isFalse();
                            assertThat(copy.recordingLines()).isZero();
                            assertThat(copy.state().reason())
                                    .contains("is already held by client " + holder.state().clientId());
                        }
                    }
                });
                List<ComputerView> conflicts = Json.read(server.succeedsByRealProcess("computers", "--json").getBytes(),
                        ComputerPage.class).items().stream().filter(view -> view.state() == ComputerState.CONFLICT).toList();
                assertThat(conflicts).allSatisfy(conflict -> assertThat(conflict.reason())
                        .startsWith("CORP\\PC-17 is already held by client " + holder.state().clientId()));
            } finally {
                copies.forEach(ClientProcess::close);
            }
        }
    }

    @Test
    void a_revoked_key_is_refused_under_another_name() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "ENROLL-4", 5);
            ClientProcess deployed = ClientProcess.deploy(server, work, "PC-STOLEN");
            try (ClientProcess client = deployed.start("300ms", "1s")) {
                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("licensed"));
                server.adminSucceeds("computer", "revoke", "CORP\\PC-STOLEN", "--reason", "stolen");
                Eventually.within(PATIENCE, () -> assertThat(client.state().state()).isEqualTo("revoked"));
            }
            long recordedWhileLicensed = deployed.recordingLines();
            try (ClientProcess renamed = deployed.start("300ms", "1s", "--computer-name", "PC-INNOCENT")) {
                Eventually.within(PATIENCE, () -> {
                    assertThat(renamed.state().computer()).contains("PC-INNOCENT");
                    assertThat(renamed.state().state()).isEqualTo("revoked");
                });
                assertThat(renamed.recordingLines()).as("no recording under the new name")
                        .isEqualTo(recordedWhileLicensed);
            }
            assertThat(server.summary().used()).isZero();
            assertThat(server.computers()).extracting(view -> view.computer().computerName()).containsExactly("PC-STOLEN");
        }
    }

    @Test
    void five_thousand_registrations_from_one_address_meet_429_while_a_licensed_client_keeps_verifying() throws Exception {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "ENROLL-5", 3);
            try (ClientProcess real = ClientProcess.deploy(server, work, "PC-REAL").start("300ms", "1s")) {
                Eventually.within(PATIENCE, () -> assertThat(real.state().state()).isEqualTo("licensed"));
                String stolen = token(server, "--name", "stolen").token();
                HttpClient http = pinned(server);
                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                Instant floodStarted = Instant.now();
                ExecutorService pool = Executors.newFixedThreadPool(16);
                try {
                    List<CompletableFuture<Void>> sent = new ArrayList<>();
                    for (int i = 0; i < 5000; i++) {
                        ProtocolClient fake = new ProtocolClient(http, server.clientPort(),
                                ComputerIdentity.computer(i % 2 == 0 ? "PC-REAL" : "FAKE-" + i, "CORP")).carrying(stolen);
                        sent.add(CompletableFuture.runAsync(() -> {
                            try {
                                int status = fake.post("/v1/register", Json.write(fake.registerRequest())).statusCode();
                                statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
                            } catch (Exception e) {
                                statuses.computeIfAbsent(-1, key -> new AtomicInteger()).incrementAndGet();
                            }
                        }, pool));
                    }
                    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
                } finally {
                    pool.shutdownNow();
                }
                Duration flood = Duration.between(floodStarted, Instant.now());

                long mostLetThrough = 200 + 20 * (flood.toSeconds() + 1);
                assertThat(statuses.getOrDefault(429, new AtomicInteger()).get()).as("%s in %s", statuses, flood)
                        .isGreaterThanOrEqualTo((int) (5000 - mostLetThrough));
                assertThat(statuses).as("nothing failed on the way").doesNotContainKey(-1);
                Instant afterFlood = Instant.now();
                Eventually.within(PATIENCE, () -> assertThat(server.computer("CORP\\PC-REAL").lastContact())
                        .isAfter(afterFlood));
                assertThat(real.state().state()).isEqualTo("licensed");
                assertThat(server.computer("CORP\\PC-REAL").clientId()).isEqualTo(real.state().clientId());
                TrafficCounters counters = Json.read(server.adminSucceeds("counters", "--json").getBytes(),
                        TrafficCounters.class);
                assertThat(counters.rateLimited()).isEqualTo(statuses.get(429).get());
                assertThat(server.adminSucceeds("enrollment", "sources")).contains("127.0.0.1");
            }
        }
    }

    @Test
    void a_second_client_service_on_one_home_exits_at_once() {
        Vendor vendor = new Vendor(work.resolve("vendor"));
        try (ServerProcess server = new ServerProcess(work.resolve("server"), vendor).start()) {
            server.license(vendor, "ENROLL-6", 1);
            ClientProcess deployed = ClientProcess.deploy(server, work, "PC-HOME");
            try (ClientProcess first = deployed.start("300ms", "4h")) {
                Eventually.within(PATIENCE, () -> assertThat(first.state().state()).isEqualTo("licensed"));

                CommandResult second = JavaProcess.run(Duration.ofMinutes(2), Map.of(), Programs.CLIENT_SERVICE, "run",
                        "--home", deployed.home().toString());

                assertThat(second.exitCode()).as(second.toString()).isNotZero();
                assertThat(second.stdout() + second.stderr()).contains("already running");
                assertThat(first.isAlive()).isTrue();
                assertThat(first.state().state()).isEqualTo("licensed");
            }
        }
    }
}
