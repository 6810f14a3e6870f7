package dev.primary.server.http;

/**
 * Whether this server can take traffic, for {@code GET /health/ready}: true once its keys are loaded, its store
 * is open and its client port listens, and false again once it stops. Safe from any thread; holds nothing secret.
 */
public final class Readiness {
    private volatile boolean keysLoaded;
    private volatile boolean storeOpen;
    private volatile boolean clientPortOpen;
    private volatile boolean stopping;

    /**
     * What {@code GET /health/ready} answers.
     *
     * @param status {@code ready} or {@code not ready}
     */
    public record Report(String status, boolean keysLoaded, boolean storeOpen, boolean clientPortOpen,
            boolean stopping) {
        public boolean ready() {
            return status.equals("ready");
        }
    }

    public void keysLoaded() {
        keysLoaded = true;
    }

    public void storeOpen() {
        storeOpen = true;
    }

    public void clientPortOpen() {
        clientPortOpen = true;
    }

    public void stopping() {
        stopping = true;
    }

    public Report report() {
        boolean ready = keysLoaded && storeOpen && clientPortOpen && !stopping;
        return new Report(ready ? "ready" : "not ready", keysLoaded, storeOpen, clientPortOpen, stopping);
    }
}
