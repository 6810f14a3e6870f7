package dev.primary.bench.fleet.update;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A package file (and the release key and manifest made for it) in a temporary directory, deleted on close. */
public final class ScratchPackage implements AutoCloseable {
    private final Path directory;
    private final PackageFile file;

    private ScratchPackage(Path directory, PackageFile file) {
        this.directory = directory;
        this.file = file;
    }

    /** Writes a package of {@code bytes} pseudo-random bytes into a new temporary directory. */
    public static ScratchPackage create(long bytes) {
        try {
            Path directory = Files.createTempDirectory("fleet-package-");
            return new ScratchPackage(directory, PackageFile.create(directory.resolve("package.bin"), bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the package: " + e.getMessage(), e);
        }
    }

    public PackageFile file() {
        return file;
    }

    /** Where the release key and manifest go. */
    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory + ": " + e.getMessage(), e);
        }
    }
}
