package dev.primary.client.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Client Service release package: a zip archive of the service's jars under {@code lib/} (the program jar
 * {@code primary-client-<version>.jar} and every jar its class path needs), and nothing else. Unpacked into
 * {@code versions/client-service/<version>/lib/}, from where the launcher starts
 * {@code dev.primary.client.cli.ClientServiceMain} on {@code lib/*}.
 */
final class ServicePackage {
    /** A plain jar name under lib/: no directories, no hidden files, no way out of lib/. */
    private static final Pattern LIB_ENTRY = Pattern.compile("lib/[A-Za-z0-9][A-Za-z0-9._+-]*\\.jar");
    private static final Pattern PROGRAM_JAR = Pattern.compile("primary-client-[0-9][A-Za-z0-9._+-]*\\.jar");
    private static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;

    private ServicePackage() {}

    /**
     * Unpacks {@code archive} into {@code versionDir/lib/}, replacing an earlier unpacking of the same version.
     *
     * @throws UpdateRefusedException when the archive is not a Client Service package (the reason says why)
     */
    static void unpack(Path archive, Path versionDir) throws UpdateRefusedException, IOException {
        Path lib = versionDir.resolve("lib");
        Path unpacking = versionDir.resolve("lib.unpacking");
        deleteTree(unpacking);
        Files.createDirectories(unpacking);
        boolean programJar = false;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() && entry.getName().equals("lib/")) {
                    continue;
                }
                if (!LIB_ENTRY.matcher(entry.getName()).matches()) {
                    throw new UpdateRefusedException("not a Client Service package: it holds \"" + entry.getName()
                            + "\", but only jars under lib/");
                }
                String name = entry.getName().substring("lib/".length());
                programJar |= PROGRAM_JAR.matcher(name).matches();
                total += copyBounded(zip, unpacking.resolve(name), MAX_UNPACKED_BYTES - total);
            }
        } catch (java.util.zip.ZipException e) {
            deleteTree(unpacking);
            throw new UpdateRefusedException("not a Client Service package: not a zip archive (" + e.getMessage() + ")");
        } catch (UpdateRefusedException | IOException e) {
            deleteTree(unpacking);
            throw e;
        }
        if (!programJar) {
            deleteTree(unpacking);
            throw new UpdateRefusedException("not a Client Service package: no lib/primary-client-<version>.jar in it");
        }
        deleteTree(lib);
        Files.move(unpacking, lib, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long copyBounded(InputStream in, Path target, long allowed) throws IOException, UpdateRefusedException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                copied += read;
                if (copied > allowed) {
                    throw new UpdateRefusedException("not a Client Service package: it unpacks to more than "
                            + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
        return copied;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
