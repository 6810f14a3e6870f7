package dev.primary.client.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code client-service run}: the service itself, in the foreground until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the Client Service in the foreground until SIGTERM or Ctrl-C, then stops the Recorder "
                + "and exits 0.",
                "Until licensed it registers with the Primary Server once every retry interval; once licensed it "
                + "keeps the signed lease in <home>/lease.json, runs the Recorder and re-verifies every verify interval. "
                + "It installs the updates the server directs, but only releases signed by a release key pinned in "
                + "client.json: downloads resume where they stopped, a new Recorder that does not stay up for "
                + "updates.healthPeriod is rolled back by itself. A new Client Service version is unpacked into "
                + "<home>/versions/client-service/ and, when bin/client-service (or systemd) started the service, it "
                + "exits 75 to be started again as that version; a version that does not reach the server within "
                + "updates.serviceHealthPeriod, or does not start, goes back to the one before. It checks in at once when nudged on the nudge port "
                + "(only by the Primary Server's own addresses). Options given here override client.json.",
                "It refuses to start (exit 3) when the home, client.json or client.key, or a directory above the home, "
                + "is writable by group or others or owned by anyone but root or the account it runs as, or when "
                + "client.key is readable by others; and (exit 4) when another Client Service already runs on the home "
                + "(it holds <home>/service.lock while it runs). 'status' and 'repoint' work beside a running service."})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR",
            description = "The client's home directory (with client.json, written by the Deployment Utility).")
    private Path home;

    @Option(names = "--computer-name", paramLabel = "NAME",
            description = "Register as this computer instead of the configured one (lets one machine stand for many).")
    private String computerName;

    @Option(names = "--domain", paramLabel = "NAME", description = "The computer's domain or workgroup.")
    private String domain;

    @Option(names = "--retry-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait between contacts until licensed, and first step of the back-off (e.g. 60s).")
    private Duration retryInterval;

    @Option(names = "--verify-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait between re-verifications once licensed (e.g. 4h).")
    private Duration verifyInterval;

    @Option(names = "--nudge-port", paramLabel = "PORT",
            description = "Listen for the server's \"check in now\" nudge on this TCP port instead of client.json's "
                    + "updates.nudgePort (default 2468); 0 disables the listener. Useful when several clients run on "
                    + "one machine.")
    private Integer nudgePort;

    @Override
    public Integer call() throws InterruptedException {
        RunArguments arguments = new RunArguments(home, computerName, domain, retryInterval, verifyInterval, nudgePort);
        Optional<String> problem = arguments.problem();
        if (problem.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem.get());
        }
        return ServiceRun.run(arguments);
    }
}
