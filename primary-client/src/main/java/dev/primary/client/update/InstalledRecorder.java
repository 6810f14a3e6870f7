package dev.primary.client.update;

import dev.primary.client.home.ClientHome;
import dev.primary.client.service.RecorderProgram;
import dev.primary.protocol.release.Product;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which program runs as the Recorder: the installed release the {@code current} pointer names, run through
 * {@code recorder.packageCommand} ({@code {package}} = the installed file, {@code {home}} = the client's home),
 * or the configured {@code recorder.command} when no release is installed.
 */
public final class InstalledRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(InstalledRecorder.class);

    private final ClientHome home;
    private final InstalledVersions versions;
    private final RecorderProgram configured;
    private final List<String> packageCommand;

    public InstalledRecorder(ClientHome home, RecorderProgram configured, List<String> packageCommand) {
        this.home = Objects.requireNonNull(home, "home");
        this.versions = new InstalledVersions(home);
        this.configured = Objects.requireNonNull(configured, "configured");
        this.packageCommand = List.copyOf(packageCommand);
    }

    /** The program to run now: the current installed release, or the configured one. */
    public RecorderProgram current() {
        return versions.current(Product.RECORDER).map(this::programOf).orElse(configured);
    }

    /** The program of an installed release; {@code null} stands for the configured program. */
    RecorderProgram programOf(InstalledPackage installed) {
        if (installed == null) {
            return configured;
        }
        Path file = versions.packageFile(Product.RECORDER, installed.version(), installed.fileName());
        if (!Files.isRegularFile(file)) {
            LOG.warn("Installed Recorder {} is missing ({}): running the configured Recorder {}",
                    installed.version().display(), file, configured.version().display());
            return configured;
        }
        List<String> command = packageCommand.stream()
                .map(part -> part.replace("{package}", file.toString()).replace("{home}", home.dir().toString()))
                .toList();
        return new RecorderProgram(command, installed.version());
    }

    RecorderProgram configured() {
        return configured;
    }

    InstalledVersions versions() {
        return versions;
    }
}
