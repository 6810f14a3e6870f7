package dev.primary.client.service;

import dev.primary.client.home.LeaseFile;
import dev.primary.client.home.StateFile;
import dev.primary.client.testing.FakeRecorder;
import dev.primary.client.testing.FakeTime;
import dev.primary.client.testing.LeaseMaker;
import dev.primary.client.testing.ManualScheduler;
import dev.primary.client.testing.ScriptedServer;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.crypto.SigningKey;
import dev.primary.protocol.message.CheckInAnswer;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.ContentDirective;
import dev.primary.protocol.release.UpdateDirective;
import dev.primary.protocol.tls.TlsPin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A {@link ClientService} on fake time, a scripted server and a fake Recorder, with real files in a temporary home. */
final class ServiceHarness {
    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    static final Version RECORDER_VERSION = new Version(1, 0, 1);
    static final ServiceSettings.Timing DEFAULT_TIMING = new ServiceSettings.Timing(Duration.ofSeconds(60),
            Duration.ofHours(4), Duration.ofHours(1), Duration.ofHours(24));

    final FakeTime time = new FakeTime(START);
    final ManualScheduler scheduler = new ManualScheduler(time);
    final FakeRecorder recorder = new FakeRecorder(RECORDER_VERSION);
    final LeaseMaker serverKeys = new LeaseMaker();
    final SigningKey clientKey = Ed25519.generate();
    final Path home;
    final LeaseFile leaseFile;
    final StateFile stateFile;
    final Map<String, ScriptedServer> servers = new HashMap<>();
    final MutableSettings settings;
    Duration configCheckInterval = Duration.ofHours(1);
    /** How the service connects; null = straight to the scripted server named by the endpoint's host. */
    ServerConnector connector;
    Updates updates = Updates.NONE;
    NudgeSettings nudge = NudgeSettings.NONE;
    ClientService service;

    ServiceHarness(Path home) {
        this(home, DEFAULT_TIMING);
    }

    ServiceHarness(Path home, ServiceSettings.Timing timing) {
        this(home, timing, ServiceSettings.UpdateSettings.NONE);
    }

    ServiceHarness(Path home, ServiceSettings.Timing timing, ServiceSettings.UpdateSettings updateSettings) {
        this.home = home;
        this.leaseFile = new LeaseFile(home.resolve("lease.json"));
        this.stateFile = new StateFile(home.resolve("state.json"));
        this.settings = new MutableSettings(new ServiceSettings(endpoint("primary.test", serverKeys),
                ComputerIdentity.computer("PC1", "CORP"), RECORDER_VERSION, timing, updateSettings));
    }

    static ServiceSettings.ServerEndpoint endpoint(String host, LeaseMaker keys) {
        TlsPin pin = new TlsPin("sha256/" + Base64Url.encode(Sha256.of(host.getBytes(StandardCharsets.UTF_8))));
        return new ServiceSettings.ServerEndpoint(host, 16770, pin, keys.publicKey(), keys.serverId());
    }

    /** The scripted server at {@code host} (created on first use). */
    ScriptedServer server(String host) {
        return servers.computeIfAbsent(host, name -> new ScriptedServer(time));
    }

    ScriptedServer server() {
        return server("primary.test");
    }

    String clientId() {
        return clientKey.publicKey().keyId();
    }

    /** Starts a new service (as a process start would) and runs what is due at once. */
    ClientService start() {
        service = new ClientService(new ServiceParts(settings,
                connector != null ? connector
                        : (endpoint, key, sequence) -> server(endpoint.host()).connectedWith(sequence), recorder, leaseFile,
                stateFile, clientKey, time, scheduler, Jitter.none(), configCheckInterval, updates, nudge));
        service.start();
        scheduler.runDue();
        return service;
    }

    /** Stops the service, as a process stop would, and starts a new one on the same home. */
    ClientService restart() {
        service.stop();
        return start();
    }

    ClientStatus status() {
        return service.status();
    }

    void advance(Duration duration) {
        scheduler.advance(duration);
    }

    /** An answerer that licenses this client and carries the directives {@code directives} supplies at each call. */
    ScriptedServer.Answerer licensing(Supplier<List<UpdateDirective>> directives, Supplier<ContentDirective> content) {
        return call -> new CheckInAnswer.Licensed(serverKeys.lease(clientId(), time.now(), Duration.ofDays(7)), 14400,
                directives.get(), content.get());
    }

    /** An answerer that licenses this client with leases valid for {@code validity}. */
    ScriptedServer.Answerer licensing(Duration validity, long verifyAfterSeconds) {
        return call -> new CheckInAnswer.Licensed(serverKeys.lease(clientId(), time.now(), validity), verifyAfterSeconds);
    }

    ScriptedServer.Answerer licensing() {
        return licensing(Duration.ofDays(7), 14400);
    }

    SignedDocument storedLease() throws LeaseRejectedException {
        return leaseFile.load().orElseThrow();
    }

    /** Settings a test can change, as {@code client-service repoint} changes {@code client.json}. */
    static final class MutableSettings implements SettingsSource {
        private ServiceSettings current;
        private ServiceSettings pending;

        MutableSettings(ServiceSettings initial) {
            this.current = initial;
        }

        void change(ServiceSettings next) {
            pending = next;
        }

        /** Installs {@code settings} as if {@code client.json} had always said so (before the service starts). */
        void installed(ServiceSettings settings) {
            current = settings;
        }

        @Override
        public ServiceSettings current() {
            return current;
        }

        @Override
        public Optional<ServiceSettings> changed() {
            if (pending == null) {
                return Optional.empty();
            }
            current = pending;
            pending = null;
            return Optional.of(current);
        }
    }
}
