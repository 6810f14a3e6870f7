package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.scenario.EnrollmentMode;
import dev.primary.bench.fleet.scenario.ExternalServer;
import dev.primary.bench.fleet.scenario.ManagedSettings;
import dev.primary.bench.fleet.scenario.ManagedTarget;
import dev.primary.bench.fleet.scenario.ServerTarget;
import dev.primary.bench.fleet.transport.Endpoint;
import dev.primary.protocol.tls.TlsPin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** Which server a scenario runs against: a managed one (the default) or an external one given by address. */
final class TargetOptions {
    @Option(names = "--server", paramLabel = "HOST:PORT", split = ",",
            description = "Run against this external Primary Server (its client port) instead of a managed one; "
                    + "repeat (or separate with commas) for several servers of one fleet (one --pin): clients are "
                    + "spread over them and move to the next on a refused connection.")
    List<String> servers;

    @Option(names = "--pin", paramLabel = "PIN",
            description = "The external server's TLS key pin, sha256/... (as 'primary-admin server' shows it).")
    String pin;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "The external server's process id, to sample its CPU and memory (same machine only; with "
                    + "several servers, the one given).")
    Long serverPid;

    @Option(names = "--managed",
            description = "Start a real server in its own JVM on a temporary data directory and license it "
                    + "(the default when --server is not given).")
    boolean managed;

    @Option(names = "--server-jvm-option", paramLabel = "OPTION", defaultValue = "-Xmx1g",
            description = "A JVM option of the managed server; repeat for several, write as --server-jvm-option=-Xmx2g. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--server-arg", paramLabel = "ARG",
            description = "A further primary-server option of the managed server, e.g. --server-arg=--worker-threads=16; "
                    + "repeat for several.")
    List<String> serverArguments = new ArrayList<>();

    @Option(names = "--seats", paramLabel = "N", defaultValue = "1000000",
            description = "Seats of the license the managed server gets; every registration is a durable seat "
                    + "grant, so at least the clients registered. Default: ${DEFAULT-VALUE}.")
    int seats;

    @Option(names = "--server-dir", paramLabel = "DIR",
            description = "Work directory of the managed server (data, log); kept afterwards. Default: a temporary "
                    + "directory, deleted afterwards.")
    Path workDirectory;

    @Option(names = "--keep-server-dir", description = "Keep the managed server's temporary work directory.")
    boolean keepWorkDirectory;

    @Option(names = "--enrollment", paramLabel = "token|open", defaultValue = "token",
            description = "token: the managed server runs with its default (no registration without a token) and "
                    + "every simulated client registers with a token the simulator creates over the admin API; "
                    + "open: the managed server runs with --open-enrollment true and clients send none. With --server: "
                    + "token needs --enrollment-token. Default: ${DEFAULT-VALUE}.")
    EnrollmentMode enrollment;

    @Option(names = "--enrollment-token", paramLabel = "TOKEN",
            description = "The enrollment token the clients of an external server register with "
                    + "(primary-admin enrollment create --uses 0 makes one without a limit of uses).")
    String enrollmentToken;

    boolean external() {
        return servers != null && !servers.isEmpty();
    }

    /** Opens the target: starts (and licenses) a managed server, or checks the external one's address. */
    ServerTarget open(PrintWriter progress) {
        if (external() && managed) {
            throw new UsageException("--server and --managed contradict each other: give one");
        }
        if (external()) {
            if (pin == null) {
                throw new UsageException("--server needs --pin: clients trust the server by its TLS key pin alone");
            }
            List<Endpoint> endpoints = new ArrayList<>();
            for (String server : servers) {
                endpoints.add(endpoint(server.strip(), pin));
            }
            return new ExternalServer(endpoints, serverPid == null ? OptionalLong.empty()
                    : OptionalLong.of(serverPid), externalToken());
        }
        if (enrollmentToken != null) {
            throw new UsageException("--enrollment-token is for an external server (--server): a managed server's "
                    + "clients register with a token the simulator creates");
        }
        progress.println("starting a managed server (" + enrollment.label() + " enrollment) and licensing it with "
                + seats + " seats ...");
        progress.flush();
        return ManagedTarget.start(new ManagedSettings(workDirectory, jvmOptions, serverArguments, seats,
                keepWorkDirectory, enrollment));
    }

    private String externalToken() {
        if (enrollment == EnrollmentMode.OPEN) {
            if (enrollmentToken != null) {
                throw new UsageException("--enrollment open and --enrollment-token contradict each other: give one");
            }
            return "";
        }
        if (enrollmentToken == null || enrollmentToken.isBlank()) {
            throw new UsageException("--server with --enrollment token needs --enrollment-token TOKEN (primary-admin "
                    + "enrollment create makes one), or --enrollment open for a server run with --open-enrollment true");
        }
        return enrollmentToken.strip();
    }

    static Endpoint endpoint(String hostAndPort, String pinText) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new UsageException("--server must be HOST:PORT, got '" + hostAndPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--server port must be a number, got '" + hostAndPort + "'");
        }
        try {
            return new Endpoint(hostAndPort.substring(0, colon), port, new TlsPin(pinText));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
