package dev.primary.client.cli;

import dev.primary.client.config.ClientConfigurationException;
import dev.primary.client.config.ConfiguredSettings;
import dev.primary.client.home.ClientHome;
import dev.primary.client.update.ServiceRestart;

/** The Client Service in the foreground until SIGTERM or Ctrl-C: what {@code client-service run} does. */
final class ServiceRun {
    static final String LAUNCHER_VARIABLE = "PRIMARY_CLIENT_LAUNCHER";

    private ServiceRun() {}

    /** Runs the service with {@code arguments} (already valid) until it stops; returns the exit code. */
    static int run(RunArguments arguments) throws InterruptedException {
        ClientHome clientHome = new ClientHome(arguments.home());
        if (!clientHome.installed()) {
            throw new CommandFailedException("no Client Service is installed in " + clientHome.dir() + " (no "
                    + ClientHome.CONFIG + ")");
        }
        ServiceRuntime runtime;
        try {
            if (ClassArchiveTraining.requested()) {
                return ClassArchiveTraining.run(clientHome, arguments.overrides());
            }
            runtime = ServiceRuntime.start(clientHome, arguments.overrides(),
                    ServiceRuntime.Options.DEFAULTS.withRestartable(launchedByRestartingLauncher()));
        } catch (ClientConfigurationException e) {
            throw new CommandFailedException(e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.stop();
            LogFile.close();
            Runtime.getRuntime().halt(exitCodeOf(runtime));
        }, "client-service-shutdown"));
        runtime.awaitStopped();
        return exitCodeOf(runtime);
    }

    private static int exitCodeOf(ServiceRuntime runtime) {
        return runtime.restartRequested() ? ServiceRestart.EXIT_CODE : ClientServiceMain.OK;
    }

    /**
     * Whether the launcher restarts the service into the selected version when it exits with
     * {@link ServiceRestart#EXIT_CODE}: it says so with {@value #LAUNCHER_VARIABLE}={@code restarts}.
     */
    private static boolean launchedByRestartingLauncher() {
        return "restarts".equals(System.getenv(LAUNCHER_VARIABLE));
    }
}
