package dev.primary.server;

import dev.primary.server.release.PackageRejectedException;
import dev.primary.server.release.PackageStore;
import dev.primary.server.store.StoreUnavailableException;
import dev.primary.server.store.files.FilePackageStore;
import dev.primary.server.store.postgres.PostgresPackageBlobs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packages for servers that share a PostgreSQL database: the database holds every package (chunked,
 * {@link PostgresPackageBlobs}), each server a copy on its own disk ({@link FilePackageStore} in
 * {@code <data-dir>/packages/}) from which it serves downloads and their ranges as a single server does. An upload
 * through any server is kept on that server's disk (size and SHA-256 checked as it arrives) and then in the database
 * before the upload is answered; a server asked for a package it has no copy of fetches it from the database once,
 * through the same checks (a copy whose size or SHA-256 is wrong is not kept, and the download fails as the store's
 * fault, not the client's), and serves it from then
 * on. A server's copies are a cache: deleting {@code packages/} loses nothing that the database holds. At start a
 * server stores in the database what it has only on disk ({@link #storeLocalOnlyPackages}), so the packages of a
 * single server become the fleet's when it is joined by others.
 */
final class FleetPackageStore implements PackageStore {
    private static final Logger LOG = LoggerFactory.getLogger(FleetPackageStore.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final FilePackageStore local;
    private final PostgresPackageBlobs database;
    private final Clock clock;
    private final ConcurrentMap<String, Object> fetching = new ConcurrentHashMap<>();

    FleetPackageStore(FilePackageStore local, PostgresPackageBlobs database, Clock clock) {
        this.local = local;
        this.database = database;
        this.clock = clock;
    }

    /**
     * Stores in the database every package this server has on disk and the database lacks: the packages a single
     * server on PostgreSQL kept as files only, before it became the first server of a fleet. Answers how many.
     */
    int storeLocalOnlyPackages() {
        List<String> local;
        try (Stream<Path> files = Files.walk(this.local.directory(), 2)) {
            local = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> SHA256_HEX.matcher(name).matches()).toList();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot list the packages in " + this.local.directory() + ": "
                    + e.getMessage(), e);
        }
        int stored = 0;
        for (String sha256 : local) {
            if (database.size(sha256).isEmpty()) {
                try (StoredPackage file = this.local.open(sha256).orElseThrow()) {
                    database.save(sha256, file.size(), file.channel(), clock.instant());
                }
                stored++;
            }
        }
        if (stored > 0) {
            LOG.info("packages - stored {} package(s) that were only in {} in the database", stored,
                    this.local.directory());
        }
        return stored;
    }

    @Override
    public Upload begin(String sha256, long size) {
        Upload upload = local.begin(sha256, size);
        return new Upload() {
            @Override
            public void write(ByteBuffer bytes) {
                upload.write(bytes);
            }

            @Override
            public void complete() {
                upload.complete();
                if (database.size(sha256).isPresent()) {
                    return;
                }
                try (StoredPackage stored = local.open(sha256).orElseThrow(() -> new IllegalStateException(
                        "package " + sha256 + " vanished from " + local.directory() + " right after it was stored"))) {
                    database.save(sha256, stored.size(), stored.channel(), clock.instant());
                }
            }

            @Override
            public void abort() {
                upload.abort();
            }

            @Override
            public void close() {
                upload.close();
            }
        };
    }

    @Override
    public Optional<StoredPackage> open(String sha256) {
        Optional<StoredPackage> cached = local.open(sha256);
        if (cached.isPresent()) {
            return cached;
        }
        synchronized (fetching.computeIfAbsent(sha256, key -> new Object())) {
            try {
                return local.contains(sha256) || fetch(sha256) ? local.open(sha256) : Optional.empty();
            } finally {
                fetching.remove(sha256);
            }
        }
    }

    @Override
    public boolean contains(String sha256) {
        return local.contains(sha256) || database.size(sha256).isPresent();
    }

    /** Copies the package from the database to this server's disk, checked like an upload; false if it holds none. */
    private boolean fetch(String sha256) {
        OptionalLong size = database.size(sha256);
        if (size.isEmpty()) {
            return false;
        }
        try (Upload copy = local.begin(sha256, size.getAsLong())) {
            if (!database.copyTo(sha256, copy::write)) {
                return false;
            }
            copy.complete();
        } catch (PackageRejectedException e) {
            // Not the client's fault: the database returned other bytes than were stored. Nothing of them was kept.
            throw new StoreUnavailableException("package " + sha256 + " in the database is damaged (" + e.getMessage()
                    + "); upload it again through any server", e);
        }
        LOG.info("package {} - copied from the database to {}", sha256, local.directory());
        return true;
    }
}
