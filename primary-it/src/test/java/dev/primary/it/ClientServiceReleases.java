package dev.primary.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.client.cli.ClientServiceMain;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds Client Service release packages (a zip of the service's jars under {@code lib/}) from the very jars this
 * test runs as the bundled version: the {@code primary-client} jar and the jars its manifest's {@code Class-Path}
 * names, found on this JVM's class path. A release of another version is the same jars with the build's one version
 * rewritten: {@code primary-protocol}'s filtered resource {@code product-version.properties} says the release's
 * version, as a build of that version would. Nothing else in the code differs, unless a test leaves classes out to
 * make a broken build.
 */
final class ClientServiceReleases {
    private static final String VERSION_RESOURCE = "dev/primary/protocol/product-version.properties";

    private final Path directory;
    private final Map<String, Path> bundledJars;

    ClientServiceReleases(Path directory) {
        this.directory = directory;
        this.bundledJars = bundledJars();
    }

    /** A package whose Client Service reports {@code version} (e.g. {@code 0.1.1}). */
    Path packageOf(String version) {
        return packageOf(version, entry -> false);
    }

    /**
     * A package whose Client Service reports {@code version}, built without the classes {@code leftOut} accepts (an
     * entry name such as {@code dev/primary/protocol/crypto/RequestSignature.class}).
     */
    Path packageOf(String version, java.util.function.Predicate<String> leftOut) {
        Path zip = directory.resolve("client-service-" + version + ".zip");
        try {
            Files.createDirectories(directory);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (Map.Entry<String, Path> jar : bundledJars.entrySet()) {
                    out.putNextEntry(new ZipEntry("lib/" + jar.getKey()));
                    // Our own jars are rebuilt; libraries (some of them signed) are copied byte for byte.
                    out.write(jar.getKey().startsWith("primary-") ? rebuilt(jar.getValue(), version, leftOut)
                            : Files.readAllBytes(jar.getValue()));
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    /** The jar's bytes with the version resource rewritten and the entries {@code leftOut} accepts dropped. */
    private static byte[] rebuilt(Path jar, String version, java.util.function.Predicate<String> leftOut)
            throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (leftOut.test(entry.getName())) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(VERSION_RESOURCE)) {
                    out.write(("version=" + version + "\n").getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The bundled Client Service's jars by file name: primary-client's jar and its manifest's Class-Path. */
    private static Map<String, Path> bundledJars() {
        Path clientJar;
        try {
            clientJar = Path.of(ClientServiceMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        assertThat(clientJar.getFileName().toString()).as("the primary-client jar (run the tests with mvn verify, "
                + "which packages the modules)").endsWith(".jar");
        List<String> names = new ArrayList<>(List.of(clientJar.getFileName().toString()));
        try (JarFile jar = new JarFile(clientJar.toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            names.addAll(Arrays.asList(classPath.trim().split("\\s+")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> onClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(path -> path.getFileName().toString().endsWith(".jar"))
                .collect(Collectors.toMap(path -> path.getFileName().toString(), Function.identity(), (a, b) -> a));
        Map<String, Path> jars = new java.util.TreeMap<>();
        for (String name : names) {
            Path found = onClassPath.get(name);
            assertThat(found).as("%s (named by primary-client's Class-Path) on the test's class path", name).isNotNull();
            jars.put(name, found);
        }
        return jars;
    }
}
