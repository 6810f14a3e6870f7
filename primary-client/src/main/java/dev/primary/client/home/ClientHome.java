package dev.primary.client.home;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** The files of one installed client, all in its home directory. */
public record ClientHome(Path dir) {
    public static final String CONFIG = "client.json";
    public static final String KEY = "client.key";
    public static final String LEASE = "lease.json";
    public static final String STATE = "state.json";
    public static final String RECORDER_OUTPUT = "recorder.out";
    public static final String LOG = "client-service.log";

    public ClientHome {
        Objects.requireNonNull(dir, "dir");
        dir = dir.toAbsolutePath().normalize();
    }

    /** Whether a client is installed here (its {@code client.json} exists). */
    public boolean installed() {
        return Files.isRegularFile(configFile());
    }

    public Path configFile() {
        return dir.resolve(CONFIG);
    }

    public Path keyFile() {
        return dir.resolve(KEY);
    }

    public Path leaseFile() {
        return dir.resolve(LEASE);
    }

    public Path stateFile() {
        return dir.resolve(STATE);
    }

    public Path recorderOutput() {
        return dir.resolve(RECORDER_OUTPUT);
    }

    public Path logFile() {
        return dir.resolve(LOG);
    }
}
