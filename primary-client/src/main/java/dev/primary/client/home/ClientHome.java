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
    public static final String UPDATES = "updates.json";
    public static final String LOCK = "service.lock";

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

    /** Locked by the running Client Service ({@link ServiceLock}); holds its process id. */
    public Path lockFile() {
        return dir.resolve(LOCK);
    }

    /** Where packages are downloaded to ({@code <sha256>.part} while incomplete). */
    public Path downloadsDir() {
        return dir.resolve("downloads");
    }

    /** Installed releases: {@code versions/<product>/<version>/<file>} and the {@code versions/<product>/current} pointer. */
    public Path versionsDir() {
        return dir.resolve("versions");
    }

    /** Applied content: {@code content/<revision>/<file>} and the {@code content/current} pointer. */
    public Path contentDir() {
        return dir.resolve("content");
    }

    /** Where each update stands (reports not yet acknowledged, refused directives, a Recorder on trial). */
    public Path updatesFile() {
        return dir.resolve(UPDATES);
    }
}
