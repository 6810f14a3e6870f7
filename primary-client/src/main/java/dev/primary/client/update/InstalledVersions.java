package dev.primary.client.update;

import dev.primary.client.home.AtomicWrite;
import dev.primary.client.home.ClientHome;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.json.MalformedJsonException;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed packages and content in a client's home, side by side:
 * {@code versions/<product>/<version>/<file>} and {@code content/<revision>/<file>}, each with a {@code current}
 * pointer that is replaced atomically (temporary file + rename), so a crash leaves the old or the new one, never a mix.
 */
public final class InstalledVersions {
    private static final Logger LOG = LoggerFactory.getLogger(InstalledVersions.class);
    private static final String CURRENT = "current";

    private final ClientHome home;

    public InstalledVersions(ClientHome home) {
        this.home = home;
    }

    /** The installed package that runs for {@code product}; empty when none (or the pointer is unreadable). */
    public Optional<InstalledPackage> current(Product product) {
        return read(pointer(product), InstalledPackage.class);
    }

    /** Where a package of {@code product} at {@code version} is installed. */
    public Path packageFile(Product product, Version version, String fileName) {
        return productDir(product).resolve(version.dotted()).resolve(fileName);
    }

    /** Moves a verified download into its place, executable, replacing an earlier copy of the same version. */
    Path install(Path downloaded, Product product, Version version, String fileName) throws IOException {
        return moveInto(downloaded, packageFile(product, version, fileName));
    }

    void makeCurrent(Product product, InstalledPackage installed) {
        AtomicWrite.replace(pointer(product), Json.writePretty(installed).getBytes(StandardCharsets.UTF_8));
    }

    /** Back to the configured program: no installed package runs. */
    void clearCurrent(Product product) {
        try {
            Files.deleteIfExists(pointer(product));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pointer(product) + ": " + e.getMessage(), e);
        }
    }

    /** The content revision applied; empty when none. */
    public Optional<InstalledContent> content() {
        return read(home.contentDir().resolve(CURRENT), InstalledContent.class);
    }

    Path installContent(Path downloaded, long revision, String fileName) throws IOException {
        return moveInto(downloaded, home.contentDir().resolve(Long.toString(revision)).resolve(fileName));
    }

    void makeCurrentContent(InstalledContent content) {
        AtomicWrite.replace(home.contentDir().resolve(CURRENT),
                Json.writePretty(content).getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the installed versions of {@code product} other than {@code keep}; failures only logged. */
    void prune(Product product, Set<Version> keep) {
        Set<String> kept = keep.stream().map(Version::dotted).collect(Collectors.toSet());
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(productDir(product), Files::isDirectory)) {
            for (Path version : versions) {
                if (!kept.contains(version.getFileName().toString())) {
                    deleteTree(version);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.info("Old {} versions not all deleted: {}", product.wireName(), e.getMessage());
        }
    }

    private Path productDir(Product product) {
        return home.versionsDir().resolve(product.wireName());
    }

    private Path pointer(Product product) {
        return productDir(product).resolve(CURRENT);
    }

    private static Path moveInto(Path downloaded, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.setPosixFilePermissions(downloaded, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the package runs through packageCommand as the platform allows.
        }
        Files.move(downloaded, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static <T> Optional<T> read(Path file, Class<T> type) {
        try {
            return Optional.of(Json.read(Files.readAllBytes(file), type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | MalformedJsonException e) {
            LOG.warn("{} cannot be read ({}): treating it as absent", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
