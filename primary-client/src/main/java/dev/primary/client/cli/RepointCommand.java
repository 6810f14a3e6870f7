package dev.primary.client.cli;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationException;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.home.ClientHome;
import dev.primary.client.home.LeaseFile;
import dev.primary.client.http.EnrollmentCheckFailedException;
import dev.primary.client.http.EnrollmentTokenCheck;
import dev.primary.client.http.ServerListCheck;
import dev.primary.client.service.ServerAddress;
import dev.primary.client.service.EnrollmentToken;
import dev.primary.protocol.crypto.PublicKey;
import dev.primary.protocol.message.EnrollmentCheckAnswer;
import dev.primary.protocol.message.Hello;
import dev.primary.protocol.probe.ServerProbe;
import dev.primary.protocol.probe.ServerProbeException;
import dev.primary.protocol.tls.TlsPin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code client-service repoint}: points an installed client to another Primary Server without reinstalling. */
@Command(name = "repoint", mixinStandardHelpOptions = true,
        description = {"Points the client installed in --home to another Primary Server without reinstalling it.",
                "Checks first that HOST:PORT is a live Primary Server (and, with --expect-pin, that it has that TLS key), "
                + "then rewrites client.json with the new server, its pinned keys (TLS, lease signing and the release "
                + "keys it trusts) and id (the client key and all other settings stay), and moves a lease signed by the "
                + "old server aside. A running Client Service notices the change within seconds and registers with the "
                + "new server.",
                "With --enrollment-token (or --enrollment-token-file), the new server must first confirm that the token "
                + "would enroll this computer (a wrong, expired, used-up or revoked token is refused with the server's "
                + "reason and nothing changes); it then replaces the token in client.json. Without, the token in "
                + "client.json, if any, is kept. The same server may be given again just to add a token.",
                "Several servers of one fleet (repeat --server, or separate them with commas): each is checked, every one "
                + "that answers must be the same installation (installation id, keys), and one where nothing answers is "
                + "a warning that keeps it in the list; the client uses the first that answers and fails over to the "
                + "next (at most " + ServerAddress.MAX_SERVERS + ")."})
final class RepointCommand implements Callable<Integer> {
    static final String OLD_LEASE_SUFFIX = "previous-server";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "The client's home directory.")
    private Path home;

    @Option(names = "--server", required = true, split = ",", paramLabel = "HOST[:PORT]",
            description = "The new Primary Server's name or address, with its client port (default --port); repeat it, "
                    + "or separate with commas, for several servers of one fleet, in the order the client tries them.")
    private List<String> servers;

    @Option(names = "--port", paramLabel = "N", defaultValue = "16770",
            description = "The client port of a server given without one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--expect-pin", paramLabel = "PIN",
            description = "Refuse the server unless its TLS key has this pin (sha256/...), as shown by the server at start.")
    private String expectedPin;

    @Option(names = "--enrollment-token", paramLabel = "TOKEN",
            description = "The enrollment token for the new server (from 'primary-admin enrollment create'); checked "
                    + "with it before anything is written. Prefer --enrollment-token-file: a command line is seen by "
                    + "other users and kept in shell history.")
    private String enrollmentToken;

    @Option(names = "--enrollment-token-file", paramLabel = "FILE",
            description = "Read the enrollment token from FILE (one line) instead.")
    private Path enrollmentTokenFile;

    @Override
    public Integer call() {
        Optional<TlsPin> pin = parsePin();
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 1-65535, got " + port);
        }
        Optional<EnrollmentToken> token = parseToken();
        List<ServerAddress> addresses = parseServers();
        ClientHome clientHome = new ClientHome(home);
        if (!clientHome.installed()) {
            throw new CommandFailedException("no Client Service is installed in " + clientHome.dir() + " (no "
                    + ClientHome.CONFIG + ")");
        }
        ClientConfigurationFile file = ClientConfigurationFile.in(clientHome.dir());
        ClientConfiguration before;
        try {
            before = file.read();
        } catch (ClientConfigurationException e) {
            throw new CommandFailedException(e.getMessage());
        }
        ServerListCheck.Outcome<ServerProbe.ProbeResult> checkedList;
        try {
            checkedList = new ServerListCheck<>(address -> probe(address, pin), RepointCommand::identityOf)
                    .check(addresses);
        } catch (ServerProbeException e) {
            throw new CommandFailedException(e.getMessage() + "; client.json is unchanged");
        }
        PrintWriter err = spec.commandLine().getErr();
        checkedList.warnings().forEach(warning -> err.println("client-service: warning: " + warning));
        err.flush();
        ServerProbe.ProbeResult probe = checkedList.first();
        ServerAddress answered = checkedList.firstAddress();
        Hello hello = probe.hello();
        Optional<EnrollmentCheckAnswer> checked;
        try {
            checked = token.map(given -> new EnrollmentTokenCheck(PROBE_TIMEOUT).check(answered.host(), answered.port(),
                    probe.tlsPin(), given));
        } catch (EnrollmentCheckFailedException e) {
            throw new CommandFailedException(e.getMessage() + "; client.json is unchanged");
        }
        ClientConfiguration.Server server = ClientConfiguration.Server.of(addresses, probe.tlsPin().value(),
                hello.serverKey(), hello.serverId(), hello.releaseKeys());
        ClientConfiguration after = before.withServer(server);
        if (token.isPresent()) {
            after = after.withToken(token.get());
        }
        file.write(after);
        Optional<Path> movedLease = before.server().serverKey().equals(hello.serverKey()) ? Optional.empty()
                : new LeaseFile(clientHome.leaseFile()).moveAside(OLD_LEASE_SUFFIX);
        PrintWriter out = spec.commandLine().getOut();
        printChanges(out, before.server(), server, movedLease);
        out.println(String.format("  %-13s %s", "enrollment:", enrollmentChange(before.token(), after.token(), checked)));
        out.println("A running Client Service notices the change within seconds and registers with "
                + (addresses.size() == 1 ? addresses.get(0).text() : "the first of them that answers") + ".");
        out.flush();
        return ClientServiceMain.OK;
    }

    private Optional<EnrollmentToken> parseToken() {
        if (enrollmentToken != null && enrollmentTokenFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --enrollment-token or --enrollment-token-file, not both");
        }
        try {
            if (enrollmentTokenFile != null) {
                return Optional.of(EnrollmentToken.read(enrollmentTokenFile));
            }
            return Optional.ofNullable(enrollmentToken).map(EnrollmentToken::parse);
        } catch (IllegalArgumentException e) {
            String option = enrollmentTokenFile != null ? "--enrollment-token-file" : "--enrollment-token";
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private static String enrollmentChange(EnrollmentToken before, EnrollmentToken after,
            Optional<EnrollmentCheckAnswer> checked) {
        if (checked.isPresent()) {
            String was = before.isPresent() ? before.id() + " -> " : "";
            return "token " + was + EnrollmentTokenCheck.describe(checked.get()) + " (checked with the new server)";
        }
        return after.isPresent() ? "token " + after.id() + " kept (not checked with the new server)"
                : "no token (the new server registers this client only if it already knows its key, or enrolls "
                        + "openly)";
    }

    private Optional<TlsPin> parsePin() {
        if (expectedPin == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TlsPin(expectedPin.strip()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--expect-pin: " + e.getMessage());
        }
    }

    private List<ServerAddress> parseServers() {
        List<ServerAddress> addresses = new ArrayList<>();
        for (String text : servers) {
            try {
                ServerAddress address = ServerAddress.parse(text, port);
                if (addresses.contains(address)) {
                    throw new IllegalArgumentException(address.text() + " is given twice");
                }
                addresses.add(address);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--server: " + e.getMessage());
            }
        }
        if (addresses.size() > ServerAddress.MAX_SERVERS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--server: at most " + ServerAddress.MAX_SERVERS
                    + " servers, got " + addresses.size());
        }
        return addresses;
    }

    /** Probes one server and checks that the keys it announces are keys (a {@link ServerProbeException} if not). */
    private static ServerProbe.ProbeResult probe(ServerAddress address, Optional<TlsPin> pin) {
        ServerProbe.ProbeResult result = new ServerProbe(PROBE_TIMEOUT).probe(address.host(), address.port(), pin);
        try {
            PublicKey.decode(result.hello().serverKey());
        } catch (IllegalArgumentException e) {
            throw new ServerProbeException(address.text() + " announces a lease-signing key that is not an Ed25519 key");
        }
        for (String releaseKey : result.hello().releaseKeys()) {
            try {
                PublicKey.decode(releaseKey);
            } catch (IllegalArgumentException e) {
                throw new ServerProbeException(address.text() + " announces a release key that is not an Ed25519 key");
            }
        }
        return result;
    }

    private static ServerListCheck.Identity identityOf(ServerProbe.ProbeResult result) {
        Hello hello = result.hello();
        return new ServerListCheck.Identity(hello.serverId(), hello.serverKey(), result.tlsPin().value(),
                hello.releaseKeys());
    }

    private static String releaseKeyIds(ClientConfiguration.Server server) {
        if (server.releaseKeys().isEmpty()) {
            return "none";
        }
        return server.releaseKeys().stream().map(key -> {
            try {
                return PublicKey.decode(key).keyId();
            } catch (IllegalArgumentException e) {
                return "(invalid key)";
            }
        }).collect(Collectors.joining(", "));
    }

    private static void printChanges(PrintWriter out, ClientConfiguration.Server before, ClientConfiguration.Server after,
            Optional<Path> movedLease) {
        String address = after.addressText();
        out.println("client.json now points to the Primary Server at " + address);
        out.println(change("server", before.addressText(), address));
        out.println(change("server id", before.serverId(), after.serverId()));
        out.println(change("TLS pin", before.tlsPin(), after.tlsPin()));
        out.println(change("server key", before.serverKey(), after.serverKey()));
        out.println(change("release keys", releaseKeyIds(before), releaseKeyIds(after)));
        out.println(String.format("  %-13s %s", "lease:", movedLease
                .map(path -> "moved aside to " + path + " (it was signed by the previous server)")
                .orElse(before.serverKey().equals(after.serverKey()) ? "kept (the new server signs with the same key)"
                        : "none to move")));
    }

    private static String change(String what, String before, String after) {
        String value = before.equals(after) ? after + " (unchanged)" : before + " -> " + after;
        return String.format("  %-13s %s", what + ":", value);
    }
}
