package dev.primary.client.update;

import dev.primary.client.service.Phrases;
import dev.primary.client.service.Scheduler;
import dev.primary.client.service.ServerConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downloads in progress, at most one per slot (product or content). Each attempt runs on the download
 * executor, so check-ins never wait for a package; its outcome comes back to the service thread, where a
 * complete package is installed, a refused one failed, and an interrupted one resumed after a back-off
 * (which starts over whenever an attempt made progress).
 */
final class DownloadJobs {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadJobs.class);

    private final Executor executor;
    private final Scheduler scheduler;
    private final Path downloadsDir;
    private final UpdateAgent.Timing timing;
    private final Supplier<ServerConnection> server;
    private final Map<String, Job> jobs = new HashMap<>();

    DownloadJobs(Executor executor, Scheduler scheduler, Path downloadsDir, UpdateAgent.Timing timing,
            Supplier<ServerConnection> server) {
        this.executor = executor;
        this.scheduler = scheduler;
        this.downloadsDir = downloadsDir;
        this.timing = timing;
        this.server = server;
    }

    void start(Delivery delivery, UpdateAgent.Target target) {
        cancel(delivery.slot());
        Job job = new Job(delivery, target);
        jobs.put(delivery.slot(), job);
        job.attempt();
    }

    /** Whether this very delivery is being downloaded. */
    boolean working(String slot, String fingerprint) {
        Job job = jobs.get(slot);
        return job != null && job.delivery.fingerprint().equals(fingerprint);
    }

    /** Stops the slot's download (what arrived stays for a later resume); true when there was one. */
    boolean cancel(String slot) {
        Job job = jobs.remove(slot);
        if (job == null) {
            return false;
        }
        job.cancel();
        return true;
    }

    /** Stops the slot's download and deletes what arrived (the server no longer wants it); true when there was one. */
    boolean discard(String slot) {
        Job job = jobs.get(slot);
        if (!cancel(slot)) {
            return false;
        }
        Path part = downloadsDir.resolve(job.delivery.sha256() + ".part");
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.info("Partial download {} not deleted: {}", part, e.getMessage());
        }
        return true;
    }

    void cancelAll() {
        new ArrayList<>(jobs.keySet()).forEach(this::cancel);
    }

    private final class Job {
        private final Delivery delivery;
        private final UpdateAgent.Target target;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private Duration nextWait = timing.firstRetry();
        private Scheduler.Task retry;
        private volatile PackageDownload attempt;

        Job(Delivery delivery, UpdateAgent.Target target) {
            this.delivery = delivery;
            this.target = target;
        }

        void attempt() {
            retry = null;
            if (cancelled.get()) {
                return;
            }
            try {
                executor.execute(() -> {
                    PackageDownload download = new PackageDownload(delivery, downloadsDir);
                    attempt = download;
                    DownloadOutcome outcome = download.run(server.get(), cancelled::get);
                    attempt = null;
                    scheduler.schedule(Duration.ZERO, () -> finished(outcome));
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("Download of {} not started: the service is stopping", delivery.label());
            }
        }

        void cancel() {
            cancelled.set(true);
            PackageDownload running = attempt;
            if (running != null) {
                running.abort();
            }
            if (retry != null) {
                retry.cancel();
                retry = null;
            }
        }

        private void finished(DownloadOutcome outcome) {
            if (cancelled.get() || jobs.get(delivery.slot()) != this) {
                return;
            }
            if (outcome instanceof DownloadOutcome.Complete complete) {
                jobs.remove(delivery.slot());
                LOG.info("Downloaded {} ({} bytes, size and SHA-256 as signed)", delivery.label(), delivery.size());
                target.install(complete.file());
            } else if (outcome instanceof DownloadOutcome.Refused refused) {
                jobs.remove(delivery.slot());
                target.refuse(refused.why());
            } else if (outcome instanceof DownloadOutcome.Interrupted interrupted) {
                if (interrupted.fetched() > 0) {
                    nextWait = timing.firstRetry();
                }
                Duration wait = nextWait;
                Duration doubled = nextWait.multipliedBy(2);
                nextWait = doubled.compareTo(timing.maxRetry()) > 0 ? timing.maxRetry() : doubled;
                LOG.info("Download of {} interrupted ({}); resuming in {}", delivery.label(), interrupted.why(),
                        Phrases.duration(wait));
                retry = scheduler.schedule(wait, this::attempt);
            } else {
                jobs.remove(delivery.slot());
            }
        }
    }
}
