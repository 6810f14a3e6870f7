package dev.primary.client.recorder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which process is the Recorder ({@code <home>/recorder.pid}: pid and start time), so that a
 * Client Service killed without a chance to stop its Recorder (SIGKILL, a crash, power loss of the
 * service alone) does not leave a second Recorder running after it restarts. The start time guards
 * against a reused pid: only the very process that was started is ever stopped.
 */
final class RecorderPidFile {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderPidFile.class);

    private final Path file;

    RecorderPidFile(Path file) {
        this.file = file;
    }

    void remember(Process process) {
        Optional<Instant> started = process.info().startInstant();
        String text = process.pid() + " " + started.map(Instant::toEpochMilli).orElse(0L) + "\n";
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("{} - cannot record the Recorder's pid ({}): a Recorder orphaned by a crash would not be stopped",
                    file, e.getMessage());
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("{} - cannot delete: {}", file, e.getMessage());
        }
    }

    /** Stops a Recorder that a previous run of the service started and never stopped, if it still runs. */
    void stopOrphan(Duration patience) {
        Optional<ProcessHandle> orphan = recorded();
        forget();
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warn("Recorder left running by an earlier Client Service (pid {}): stopping it before starting anew",
                process.pid());
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private Optional<ProcessHandle> recorded() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long startedMillis = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().startInstant()
                            .map(started -> started.toEpochMilli() == startedMillis)
                            .orElse(false));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} - unreadable ({}): ignoring it", file, e.getMessage());
            return Optional.empty();
        }
    }
}
