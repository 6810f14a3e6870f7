package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.LicenseSummary;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.tls.PinnedTls;
import dev.primary.protocol.tls.TlsPin;
import dev.primary.testkit.CommandResult;
import dev.primary.testkit.Eventually;
import dev.primary.testkit.JavaProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Primary Server processes on one real PostgreSQL serve one fleet: the same identity on each (the first
 * server's identity files copied to the others), hundreds of clients registering at once through all three against
 * fewer seats, one server killed with SIGKILL in the middle and its clients carrying on at another. Afterwards exactly
 * the seats there are are granted, no computer holds two, every lease verifies against the one pinned key, the queue
 * is in order, an administrator's change through one server is seen through another (a seat freed, a release rolled
 * out and its package served), the periodic jobs ran once per period for the whole fleet, and a server with an
 * identity of its own is refused.
 */
class MultiServerIT {
    private static final int SEATS = 100;
    private static final int CLIENTS = 300;
    private static final Duration JOB_PERIOD = Duration.ofSeconds(1);

    /** Requests that found their server gone (or busy) and were sent to another. */
    private static final AtomicInteger FAILOVERS = new AtomicInteger();

    @TempDir
    Path work;

    @Test
    void three_servers_on_one_database_grant_exactly_the_seats_there_are_when_one_dies_in_a_storm() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start()) {
            String url = createDatabase(database);
            Path passwordFile = Files.writeString(work.resolve("store-password"), "kept-in-a-file\n");
            Vendor vendor = new Vendor(work.resolve("vendor"));
            ReleaseVendor releases = new ReleaseVendor(work.resolve("releases"));
            String[] arguments = {"--registration-burst", "100000", "--reclaim-check-interval", "1s",
                "--release-key", releases.publicKey().toString(), "--store",
                "postgresql", "--store-url", url, "--store-user", "primary_server", "--store-password-file",
                passwordFile.toString()};
            long fleetStarted = System.nanoTime();
            try (ServerProcess nodeA = new ServerProcess(work.resolve("a"), vendor, arguments).start();
                    ServerProcess nodeB = new ServerProcess(copyIdentity(work.resolve("a"), work.resolve("b")), vendor,
                            arguments);
                    ServerProcess nodeC = new ServerProcess(copyIdentity(work.resolve("a"), work.resolve("c")), vendor,
                            arguments)) {
                startTogether(nodeB, nodeC);
                List<ServerProcess> nodes = List.of(nodeA, nodeB, nodeC);

                Hello hello = helloOf(nodeA);
                for (ServerProcess node : List.of(nodeB, nodeC)) {
                    Hello other = helloOf(node);
                    assertThat(List.of(other.serverId(), other.serverKey(), other.tlsPin()))
                            .as("every server presents the fleet's identity")
                            .containsExactly(hello.serverId(), hello.serverKey(), hello.tlsPin());
                }

                assertThat(tlsSession(nodeA, null)).as("a first connection to A").contains("New, TLSv1.3");
                assertThat(tlsSession(nodeB, work.resolve("session-from-a.pem")))
                        .as("a TLS session from A resumed at B (openssl s_client -sess_in)").contains("Reused, TLSv1.3");

                nodeA.license(vendor, "FLEET-1", SEATS);
                assertThat(nodeB.summary().licenses()).as("a license imported through A, seen through B")
                        .isEqualTo(SEATS);

                // One HTTP client pinned to A's TLS key talks to all three: a client pinned to one server trusts all.
                HttpClient http = ProtocolClient.httpClient(new TlsPin(hello.tlsPin()));
                String token = nodeA.enrollmentToken();
                List<ProtocolClient> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(new ProtocolClient(http, nodes.get(i % 3).clientPort(),
                            ComputerIdentity.computer("SIM-" + i, "CORP")).carrying(token));
                }

                long stormStarted = System.nanoTime();
                Map<String, CheckInAnswer> firstAnswers = StormAcrossKill.run(clients, 24,
                        client -> registerUntilAnswered(client, nodes), nodeC::kill, StormAcrossKill.Step.NOTHING);
                long stormMillis = (System.nanoTime() - stormStarted) / 1_000_000;
                assertThat(FAILOVERS.get()).as("clients of the killed server went on at another").isPositive();

                Set<String> licensedFirst = licensed(firstAnswers);
                assertThat(licensedFirst).hasSize(SEATS);
                PublicKey leaseKey = PublicKey.decode(hello.serverKey());
                firstAnswers.values().stream().filter(CheckInAnswer.Licensed.class::isInstance)
                        .map(answer -> ((CheckInAnswer.Licensed) answer).lease())
                        .forEach(lease -> assertThat(lease.verifiedPayload(SignedDocument.LEASE, leaseKey)).isNotEmpty());

                // Every client asks again through a surviving server: the same ones hold the seats, the rest wait in
                // one queue without gaps or doubles.
                Map<String, CheckInAnswer> again = new ConcurrentHashMap<>();
                for (int i = 0; i < CLIENTS; i++) {
                    ProtocolClient client = clients.get(i).at(nodes.get(i % 2).clientPort());
                    again.put(client.clientId(), registerUntilAnswered(client, nodes));
                }
                assertThat(licensed(again)).as("the same clients hold the seats").isEqualTo(licensedFirst);
                List<Integer> places = again.values().stream().filter(CheckInAnswer.WaitingForSeat.class::isInstance)
                        .map(answer -> ((CheckInAnswer.WaitingForSeat) answer).queuePosition()).sorted().toList();
                assertThat(places).isEqualTo(IntStream.rangeClosed(1, CLIENTS - SEATS).boxed().toList());

                LicenseSummary summary = nodeB.summary();
                assertThat(List.of(summary.licenses(), summary.used(), summary.waiting()))
                        .containsExactly(SEATS, SEATS, CLIENTS - SEATS);
                List<ComputerView> computers = nodeA.computers();
                assertThat(computers).hasSize(CLIENTS);
                assertThat(computers.stream().map(view -> view.computer().computerName()).distinct()).hasSize(CLIENTS);
                assertThat(computers).filteredOn(view -> view.state() == ComputerState.LICENSED).hasSize(SEATS);

                // An administrator frees a seat through A: the head of the queue gets it, as B shows and B answers.
                ProtocolClient head = headOfQueue(clients, again);
                ComputerView holder = computers.stream().filter(view -> view.state() == ComputerState.LICENSED)
                        .findFirst().orElseThrow();
                nodeA.adminSucceeds("release", holder.computer().display(), "--reason", "moved to another site");
                assertThat(head.at(nodeB.clientPort()).register()).isInstanceOf(CheckInAnswer.Licensed.class);
                assertThat(nodeB.computer(computerOf(head, computers)).state()).isEqualTo(ComputerState.LICENSED);
                assertThat(nodeB.summary().used()).isEqualTo(SEATS);

                // A release added and rolled out through A reaches a client of B, which downloads it from B (which
                // never received the upload: the bytes come through the database) in ranges.
                Path pkg = releases.goodRecorderPackage("2.0.0");
                nodeA.adminSucceeds("release", "add", releases.sign(pkg, "2.0.0").toString(), "--package",
                        pkg.toString());
                nodeA.adminSucceeds("rollout", "start", "--product", "recorder", "--version", "2.0.0");
                ProtocolClient licensedClient = clients.stream()
                        .filter(client -> licensedFirst.contains(client.clientId()) && !client.clientId().equals(holder.clientId()))
                        .findFirst().orElseThrow().at(nodeB.clientPort());
                AtomicReference<String> download = new AtomicReference<>();
                Eventually.within(Duration.ofSeconds(30), () -> {
                    CheckInAnswer answer = licensedClient.register();
                    assertThat(answer).isInstanceOf(CheckInAnswer.Licensed.class);
                    assertThat(((CheckInAnswer.Licensed) answer).updates()).as("the rollout, seen by B").hasSize(1);
                    download.set(((CheckInAnswer.Licensed) answer).updates().get(0).download());
                });
                byte[] packageBytes = Files.readAllBytes(pkg);
                HttpResponse<byte[]> tail = licensedClient.get(download.get(), "bytes=10-");
                assertThat(tail.statusCode()).isEqualTo(206);
                assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(packageBytes, 10, packageBytes.length));

                double fleetSeconds = (System.nanoTime() - fleetStarted) / 1e9;
                long runs = jobRuns(database, "expire-silent");
                assertThat(runs).as("expiry runs in %.0f s with three servers ticking every second", fleetSeconds)
                        .isPositive().isLessThanOrEqualTo((long) (fleetSeconds / 0.9) + 2);

                System.out.printf("fleet: %d registrations through 3 servers in %d ms, %d failovers; expiry ran %d "
                        + "times in %.1f s%n", CLIENTS, stormMillis, FAILOVERS.get(), runs, fleetSeconds);

                CommandResult stranger = JavaProcess.run(Duration.ofMinutes(2), Map.of(), Programs.SERVER,
                        Stream.concat(Stream.of("--data-dir", work.resolve("stranger").toString(), "--port", "0",
                                "--admin-port", "0"), Stream.of(arguments)).toArray(String[]::new));
                assertThat(stranger.exitCode()).as("a server with an identity of its own\n%s", stranger).isEqualTo(3);
                assertThat(stranger.stderr()).contains("differ from the fleet's").contains("installation-id and keys/");
            }
        }
    }

    /**
     * Registers every client through its own server, kills {@code victim} once a third have answered, and lets the
     * victim's clients carry on at the next server; the last third starts only after the kill.
     */
    /** Like a client that knows every server: when its server cannot be reached, it tries the next one. */
    private static CheckInAnswer registerUntilAnswered(ProtocolClient client, List<ServerProcess> nodes)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        ProtocolClient current = client;
        int next = 0;
        while (true) {
            try {
                return current.register();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no answer for " + client.clientId() + " within 2 minutes", e);
                }
                FAILOVERS.incrementAndGet();
                current = client.at(nodes.get(next++ % 2).clientPort());
                Thread.sleep(50);
            }
        }
    }

    private static ProtocolClient headOfQueue(List<ProtocolClient> clients, Map<String, CheckInAnswer> answers) {
        return clients.stream().filter(client -> answers.get(client.clientId()) instanceof CheckInAnswer.WaitingForSeat)
                .min(Comparator.comparingInt(client -> ((CheckInAnswer.WaitingForSeat) answers.get(client.clientId()))
                        .queuePosition()))
                .orElseThrow();
    }

    private static String computerOf(ProtocolClient client, List<ComputerView> computers) {
        return computers.stream().filter(view -> client.clientId().equals(view.clientId()))
                .map(view -> view.computer().display()).findFirst().orElseThrow();
    }

    private static void startTogether(ServerProcess... nodes) throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(nodes.length);
        try {
            List<Future<ServerProcess>> started = new ArrayList<>();
            for (ServerProcess node : nodes) {
                started.add(starts.submit(node::start));
            }
            for (Future<ServerProcess> start : started) {
                start.get(3, TimeUnit.MINUTES);
            }
        } finally {
            starts.shutdownNow();
        }
    }

    /**
     * What an operator does to add a server: {@code bin/primary-fleet-identity export FROM | ... import TO}, run here as
     * real processes.
     */
    private static Path copyIdentity(Path from, Path to) throws IOException, InterruptedException {
        Path script = fleetIdentityScript();
        Process pipeline = new ProcessBuilder("bash", "-c", "set -o pipefail; \"$0\" export \"$1\" | \"$0\" import \"$2\"",
                script.toString(), from.toString(), to.toString()).redirectErrorStream(true).start();
        String output = new String(pipeline.getInputStream().readAllBytes());
        assertThat(pipeline.waitFor()).as("primary-fleet-identity export | import\n%s", output).isZero();
        assertThat(to.resolve("keys/tls-session-ticket-secret")).exists();
        assertThat(Files.getPosixFilePermissions(to.resolve("keys/server-signing.key")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return to;
    }

    private static Path fleetIdentityScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("bin").resolve("primary-fleet-identity");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new AssertionError("no bin/primary-fleet-identity above " + Path.of("").toAbsolutePath());
    }

    /**
     * One {@code GET /v1/hello} through {@code openssl s_client}: a new session saved to {@code session-from-a.pem}
     * when {@code resume} is null, else the session in {@code resume} offered; answers s_client's output.
     */
    private String tlsSession(ServerProcess server, Path resume) throws IOException, InterruptedException {
        Path request = Files.writeString(work.resolve("hello.http"),
                "GET /v1/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:"
                + server.clientPort(), "-tls1_3", "-ign_eof"));
        if (resume == null) {
            command.addAll(List.of("-sess_out", work.resolve("session-from-a.pem").toString()));
        } else {
            command.addAll(List.of("-sess_in", resume.toString()));
        }
        Process openssl = new ProcessBuilder(command).redirectInput(request.toFile()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return output;
    }

    private static String createDatabase(EmbeddedPostgres database) throws Exception {
        try (Connection connection = database.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER primary_server PASSWORD 'kept-in-a-file'");
            statement.execute("CREATE DATABASE primary_fleet OWNER primary_server");
        }
        return database.getJdbcUrl("primary_server", "primary_fleet").replaceAll("[?&]user=[^&]*", "");
    }

    private static long jobRuns(EmbeddedPostgres database, String job) throws Exception {
        try (Connection connection = database.getDatabase("postgres", "primary_fleet").getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT runs FROM fleet_job_runs WHERE job = '" + job + "'")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static Hello helloOf(ServerProcess server) throws IOException, InterruptedException {
        HttpClient trustingAny = HttpClient.newBuilder().sslContext(PinnedTls.capturing(new AtomicReference<>())).build();
        return ProtocolClient.hello(trustingAny, server.clientPort());
    }

    private static Set<String> licensed(Map<String, CheckInAnswer> answers) {
        return answers.entrySet().stream().filter(entry -> entry.getValue() instanceof CheckInAnswer.Licensed)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
