package dev.primary.bench.fleet.scenario;

import java.util.List;
import java.util.Locale;

/** How the simulated clients enroll on a managed server. */
public enum EnrollmentMode {
    /**
     * The server's default ({@code open-enrollment=false}): the simulator creates one enrollment token over the admin
     * API (no limit of uses, no expiry) and every client sends it in its {@code RegisterRequest}.
     */
    TOKEN(List.of()),
    /** The server runs with {@code --open-enrollment true} (labs only) and clients send no token. */
    OPEN(List.of("--open-enrollment", "true"));

    private final List<String> serverArguments;

    EnrollmentMode(List<String> serverArguments) {
        this.serverArguments = serverArguments;
    }

    /** The {@code primary-server} options this mode needs. */
    public List<String> serverArguments() {
        return serverArguments;
    }

    /** {@code token} or {@code open}, as on the command line and in results. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
