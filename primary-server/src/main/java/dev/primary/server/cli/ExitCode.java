package dev.primary.server.cli;

/** How {@code primary-server} ends. */
public enum ExitCode {
    /** Stopped normally (or printed help or version). */
    OK(0),
    /** Could not start: port in use, data directory locked or unreadable, bad key file. */
    START_FAILED(1),
    /** Wrong command line or configuration; nothing was started. */
    USAGE(2),
    /**
     * An existing installation lacks its store, a key or its installation id, or its keys do not match, or on a shared
     * database its identity is not the fleet's; the server refused to start and changed nothing (restore from a backup,
     * copy the fleet's identity files, or give the flag that repairs it).
     */
    INSTALLATION_INCOMPLETE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
