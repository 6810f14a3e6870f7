package dev.primary.client.cli;

import dev.primary.client.config.ClientConfiguration;
import dev.primary.client.config.ClientConfigurationException;
import dev.primary.client.config.ClientConfigurationFile;
import dev.primary.client.home.ClientHome;
import dev.primary.client.home.StateDocument;
import dev.primary.client.home.StateFile;
import dev.primary.client.service.ClientState;
import dev.primary.client.service.EnrollmentToken;
import dev.primary.client.service.Phrases;
import dev.primary.client.service.ServerAddress;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.json.Json;
import dev.primary.client.update.InstalledContent;
import dev.primary.client.update.InstalledPackage;
import dev.primary.client.update.InstalledVersions;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.UpdateReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code client-service status}: where the installed client stands, read from its files (whether or not it runs). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the state of the Client Service installed in --home: state, server (the one in use, and "
                + "the configured list when there are several), the enrollment "
                + "token's id (never its secret), last and next contact, lease expiry, Recorder (running and installed "
                + "version), updates in progress or failed, the content revision, and the reason for the state (a "
                + "refused registration shows the server's reason). Reads the client's files, so it works whether "
                + "or not the service runs (and needs no lock)."})
final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "The client's home directory.")
    private Path home;

    @Option(names = "--json", description = "Print the state as JSON (the content of state.json).")
    private boolean json;

    @Override
    public Integer call() {
        ClientHome clientHome = new ClientHome(home);
        if (!clientHome.installed()) {
            throw new CommandFailedException("no Client Service is installed in " + clientHome.dir() + " (no "
                    + ClientHome.CONFIG + ")");
        }
        ClientConfiguration configuration;
        StateDocument state;
        try {
            configuration = ClientConfigurationFile.in(clientHome.dir()).read();
            state = new StateFile(clientHome.stateFile()).loadDocument()
                    .orElseGet(() -> notRunYet(clientHome, configuration));
        } catch (ClientConfigurationException | IllegalStateException e) {
            throw new CommandFailedException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.writePretty(state));
        } else {
            printHuman(out, state, configuration.server().addresses().stream().map(ServerAddress::text).toList(),
                    configuration.token());
        }
        out.flush();
        return ClientServiceMain.OK;
    }

    private static void printHuman(PrintWriter out, StateDocument state, List<String> configured, EnrollmentToken token) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("state", state.state());
        lines.put("server", serverLine(state.server(), configured));
        lines.put("computer", state.computer());
        lines.put("client id", state.clientId().isEmpty() ? "none yet" : state.clientId());
        lines.put("enrollment", token.isPresent() ? "token " + token.id() : "no token");
        lines.put("last contact", Phrases.time(state.lastSuccessfulContact()));
        lines.put("last attempt", Phrases.time(state.lastAttempt()));
        lines.put("next contact", state.nextContact() == null ? "none (the Client Service is not running)"
                : Phrases.time(state.nextContact()));
        lines.put("lease expires", state.leaseExpiresAt() == null ? "no lease" : Phrases.time(state.leaseExpiresAt()));
        lines.put("recorder", state.recorderRunning() ? "running, " + state.recorderVersion().display()
                : "not running (" + Version.NONE.display() + ")");
        lines.put("installed", state.installedRecorder().display());
        lines.put("updates", state.updates().isEmpty() ? "none pending" : state.updates().stream()
                .map(StatusCommand::describe)
                .collect(Collectors.joining("; ")));
        lines.put("content", state.contentRevision() == 0 ? "none" : "revision " + state.contentRevision());
        lines.put("reason", state.reason());
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        lines.forEach((key, value) -> out.println(String.format("%-" + width + "s %s", key + ":", value)));
    }

    /**
     * The server in use (the one that answered last), and the configured list when there are several; a state written
     * for another server (before a repoint) says so.
     */
    static String serverLine(String stateServer, List<String> configured) {
        String all = String.join(", ", configured);
        boolean listed = configured.stream()
                .anyMatch(address -> stateServer.equals(address) || stateServer.startsWith(address + " ("));
        if (configured.size() == 1) {
            return listed ? stateServer : all + " (re-pointed; the state below is from " + stateServer + ")";
        }
        if (listed) {
            return stateServer + " (in use; servers: " + all + ")";
        }
        if (stateServer.equals(anyOf(configured))) {
            return "none in use (servers: " + all + ")";
        }
        return "servers: " + all + " (re-pointed; the state below is from " + stateServer + ")";
    }

    private static String anyOf(List<String> configured) {
        return "any of " + String.join(", ", configured);
    }

    private static String describe(UpdateReport report) {
        return report.product().wireName() + " " + report.version().display() + " " + report.state().wireName()
                + (report.reason().isEmpty() ? "" : ": " + report.reason());
    }

    private static StateDocument notRunYet(ClientHome home, ClientConfiguration configuration) {
        String clientId = "";
        if (Files.exists(home.keyFile())) {
            try {
                clientId = KeyFiles.readSigningKey(home.keyFile()).publicKey().keyId();
            } catch (RuntimeException e) {
                clientId = "";
            }
        }
        String computer = configuration.computer().name().isBlank() ? "(this computer's name)"
                : configuration.computer().name();
        InstalledVersions installed = new InstalledVersions(home);
        Version recorder = installed.current(Product.RECORDER).map(InstalledPackage::version)
                .orElse(configuration.recorder().version());
        long content = installed.content().map(InstalledContent::revision).orElse(0L);
        return new StateDocument(ClientState.UNLICENSED.wireName(), "the Client Service has not run yet",
                addressOf(configuration), clientId, computer, null, null, null, null, null, false, Version.NONE, null, 0,
                recorder, content, List.of());
    }

    /** The server as a service that has not reached one yet names it (ClientService): the one, or any of the list. */
    private static String addressOf(ClientConfiguration configuration) {
        List<String> configured = configuration.server().addresses().stream().map(ServerAddress::text).toList();
        return configured.size() == 1 ? configured.get(0) : anyOf(configured);
    }
}
