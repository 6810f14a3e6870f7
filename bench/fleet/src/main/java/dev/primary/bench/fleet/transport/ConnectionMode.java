package dev.primary.bench.fleet.transport;

/** How a lane uses connections. */
public enum ConnectionMode {
    /** One keep-alive connection per lane, carrying its requests one after another. */
    REUSE("reuse"),
    /** Connect, handshake, one request, close: what a real client that checks in every four hours does. */
    FRESH("fresh");

    private final String label;

    ConnectionMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
