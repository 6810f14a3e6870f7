package dev.primary.server;

import dev.primary.server.config.ServerConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/** A test's server on loopback port 0 with a {@link FakeLicensing} core, and clients for its two ports. */
final class RunningServer implements AutoCloseable {
    final PrimaryServer server;
    final FakeLicensing core;
    final PinnedHttps client;
    final PinnedHttps admin;

    private RunningServer(PrimaryServer server, FakeLicensing core) {
        this.server = server;
        this.core = core;
        this.client = new PinnedHttps(URI.create("https://127.0.0.1:" + server.clientPort()), server.tlsPin());
        this.admin = new PinnedHttps(server.adminUri(), server.tlsPin());
    }

    static RunningServer start(Path dataDirectory) {
        return start(ServerConfiguration.onFreeLoopbackPorts(dataDirectory));
    }

    static RunningServer start(ServerConfiguration configuration) {
        AtomicReference<FakeLicensing> core = new AtomicReference<>();
        PrimaryServer server = PrimaryServer.start(configuration, Clock.systemUTC(), FakeLicensing.opener(core));
        return new RunningServer(server, core.get());
    }

    String adminToken() throws java.io.IOException {
        return java.nio.file.Files.readString(server.dataDirectory().resolve("admin-token")).strip();
    }

    @Override
    public void close() {
        server.close();
    }
}
