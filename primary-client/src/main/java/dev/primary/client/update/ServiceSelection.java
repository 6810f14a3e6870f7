package dev.primary.client.update;

import dev.primary.client.home.AtomicWrite;
import dev.primary.client.home.ClientHome;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Client Service version the launcher starts, in two small text files under
 * {@code <home>/versions/client-service/} that a shell script reads and writes as easily as this class:
 * <ul>
 * <li>{@code selected}: one line, the dotted version whose jars are in {@code <version>/lib/}; absent means the
 * bundled version (the one installed with the program).</li>
 * <li>{@code trial}: the version on trial, {@code key=value} lines written here ({@code version}, {@code rollback}
 * (a dotted version or {@code bundled}), {@code rollbackVersion}, {@code rolloutId}, {@code fingerprint}), then one
 * {@code launch} line appended by the launcher per start of the version on trial, and a {@code failed=<reason>}
 * line appended by whoever rolled it back (the launcher after crashes, the version itself after its health
 * period).</li>
 * </ul>
 * Both are replaced atomically (temporary file and rename), except the appended lines, each one short write.
 */
public final class ServiceSelection {
    static final String BUNDLED = "bundled";
    private static final String SELECTED = "selected";
    private static final String TRIAL = "trial";
    private static final String LIB = "lib";

    private final Path dir;

    public ServiceSelection(ClientHome home) {
        this.dir = home.versionsDir().resolve(Product.CLIENT_SERVICE.wireName());
    }

    /**
     * A version on trial, as the {@code trial} file says.
     *
     * @param version the version on trial
     * @param rollback the version to go back to; empty = the bundled one
     * @param rollbackVersion the version to go back to as it reports itself (for the bundled one too)
     * @param launches how often the launcher started it so far
     * @param failure why it was rolled back; empty while it is on trial
     */
    public record Trial(Version version, Optional<Version> rollback, Version rollbackVersion, long rolloutId,
            String fingerprint, int launches, Optional<String> failure) {
        public Trial {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(rollback, "rollback");
            Objects.requireNonNull(rollbackVersion, "rollbackVersion");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** The selected staged version; empty = the bundled one. */
    public Optional<Version> selected() {
        return readLines(dir.resolve(SELECTED)).stream().map(String::strip).filter(line -> !line.isEmpty())
                .findFirst().map(ServiceSelection::parsedOrNull);
    }

    /** Selects a staged version (empty = the bundled one) for the launcher's next start. */
    void select(Optional<Version> version) {
        if (version.isPresent()) {
            AtomicWrite.replace(dir.resolve(SELECTED),
                    (version.get().dotted() + "\n").getBytes(StandardCharsets.UTF_8));
        } else {
            delete(dir.resolve(SELECTED));
        }
    }

    /** Where the jars of a staged version are. */
    public Path libDir(Version version) {
        return versionDir(version).resolve(LIB);
    }

    Path versionDir(Version version) {
        return dir.resolve(version.dotted());
    }

    Path productDir() {
        return dir;
    }

    /** The version on trial, if any; an unreadable file counts as none. */
    public Optional<Trial> trial() {
        List<String> lines = readLines(dir.resolve(TRIAL));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String version = null;
        String rollback = null;
        String rollbackVersion = null;
        String fingerprint = null;
        String failure = null;
        long rolloutId = 0;
        int launches = 0;
        try {
            for (String line : lines) {
                String text = line.strip();
                if (text.equals("launch")) {
                    launches++;
                    continue;
                }
                int equals = text.indexOf('=');
                if (equals < 0) {
                    continue;
                }
                String value = text.substring(equals + 1);
                switch (text.substring(0, equals)) {
                    case "version" -> version = value;
                    case "rollback" -> rollback = value;
                    case "rollbackVersion" -> rollbackVersion = value;
                    case "rolloutId" -> rolloutId = Long.parseLong(value);
                    case "fingerprint" -> fingerprint = value;
                    case "failed" -> failure = failure == null ? value : failure;
                    default -> { }
                }
            }
            if (version == null || rollback == null || rollbackVersion == null || fingerprint == null) {
                return Optional.empty();
            }
            return Optional.of(new Trial(Version.parse(version),
                    rollback.equals(BUNDLED) ? Optional.empty() : Optional.of(Version.parse(rollback)),
                    Version.parse(rollbackVersion), rolloutId, fingerprint, launches, Optional.ofNullable(failure)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Puts {@code version} on trial and selects it: the launcher starts it next. */
    void beginTrial(Version version, Optional<Version> rollback, Version rollbackVersion, long rolloutId,
            String fingerprint) {
        String text = "version=" + version.dotted() + "\n"
                + "rollback=" + rollback.map(Version::dotted).orElse(BUNDLED) + "\n"
                + "rollbackVersion=" + rollbackVersion.dotted() + "\n"
                + "rolloutId=" + rolloutId + "\n"
                + "fingerprint=" + fingerprint + "\n";
        AtomicWrite.replace(dir.resolve(TRIAL), text.getBytes(StandardCharsets.UTF_8));
        select(Optional.of(version));
    }

    /** Goes back to the trial's rollback version and notes why, for the version that starts next to report. */
    void rollBack(Trial trial, String reason) {
        select(trial.rollback());
        String line = "failed=" + reason.replace('\n', ' ').replace('\r', ' ') + "\n";
        try {
            Files.writeString(dir.resolve(TRIAL), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(TRIAL) + ": " + e.getMessage(), e);
        }
    }

    /** The trial is over (passed, or its failure reported). */
    void endTrial() {
        delete(dir.resolve(TRIAL));
    }

    private static Version parsedOrNull(String text) {
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
