package dev.primary.client.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells at once when {@code client.json} is replaced, the way {@code client-service repoint} and the Deployment
 * Utility write it (a new file renamed into place), through the operating system's file notification (inotify on
 * Linux): one thread blocked until then, so that a running service need not look at the file every few seconds.
 * Only new files in the home directory are watched, not writes to files in it, so the Recorder's output does not
 * wake it; an edit in place is left to the service's slower periodic check.
 */
public final class ConfigurationWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationWatch.class);

    private final WatchService watcher;
    private final Path fileName;
    private final Runnable onReplaced;

    private ConfigurationWatch(WatchService watcher, Path fileName, Runnable onReplaced) {
        this.watcher = watcher;
        this.fileName = fileName;
        this.onReplaced = onReplaced;
    }

    /**
     * Watches {@code file} and calls {@code onReplaced} (on the watch thread) each time it is replaced; empty when
     * the file system cannot watch its directory (an INFO says why; the periodic check still notices changes).
     */
    public static Optional<ConfigurationWatch> open(ClientConfigurationFile file, Runnable onReplaced) {
        Objects.requireNonNull(onReplaced, "onReplaced");
        Path directory = file.path().getParent();
        WatchService watcher = null;
        try {
            watcher = FileSystems.getDefault().newWatchService();
            directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(watcher);
            LOG.info("Cannot watch {} for a new {} ({}): a change is noticed at the next periodic check", directory,
                    file.path().getFileName(), e.getMessage());
            return Optional.empty();
        }
        ConfigurationWatch watch = new ConfigurationWatch(watcher, file.path().getFileName(), onReplaced);
        Thread thread = new Thread(watch::serve, "client-config-watch");
        thread.setDaemon(true);
        thread.start();
        return Optional.of(watch);
    }

    private void serve() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean replaced = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    replaced |= event.kind() == StandardWatchEventKinds.OVERFLOW || fileName.equals(event.context());
                }
                key.reset();
                if (replaced) {
                    onReplaced.run();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("Configuration watch stopped");
        }
    }

    /** Stops watching; the watch thread ends. */
    @Override
    public void close() {
        closeQuietly(watcher);
    }

    private static void closeQuietly(WatchService watcher) {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("Closing the configuration watch failed: {}", e.toString());
        }
    }
}
