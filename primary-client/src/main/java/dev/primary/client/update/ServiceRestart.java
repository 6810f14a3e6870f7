package dev.primary.client.update;

/**
 * How the Client Service restarts into another version: it stops and exits with
 * {@link #EXIT_CODE}, and whatever started it (the {@code client-service} launcher's loop, or systemd with
 * {@code RestartForceExitStatus=75}) starts the selected version. Only a service that such a launcher started can
 * do that; without one a staged version waits for the next start.
 */
public interface ServiceRestart {
    /** The exit code that asks the launcher for a restart into the selected version ({@code EX_TEMPFAIL}). */
    int EXIT_CODE = 75;

    /** No launcher that restarts: staged versions wait for the next start. */
    ServiceRestart NONE = new ServiceRestart() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void request() {
        }
    };

    /** Whether a launcher will start the service again when it exits with {@link #EXIT_CODE}. */
    boolean available();

    /** Stops the service and exits with {@link #EXIT_CODE} (any thread; returns at once). */
    void request();
}
