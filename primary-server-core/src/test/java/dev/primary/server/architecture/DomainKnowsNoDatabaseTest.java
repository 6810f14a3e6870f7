package dev.primary.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain does not know its database. The enforcer's {@code bannedDependencies} keeps drivers, pools and
 * migration tools off this module's path; JDBC itself comes with the JDK, so this test reads the domain's
 * sources and fails on any import of it (or of a store technology that slipped in some other way).
 */
class DomainKnowsNoDatabaseTest {
    private static final List<String> FORBIDDEN = List.of("import java.sql.", "import javax.sql.", "import org.sqlite.",
            "import org.flywaydb.", "import org.postgresql.", "import com.zaxxer.");
    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void no_domain_source_imports_jdbc_or_a_store_technology() throws IOException {
        assertThat(SOURCES).as("run from the module's directory").isDirectory();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> offences = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(DomainKnowsNoDatabaseTest::forbiddenImports)
                    .toList();
            assertThat(offences).as("store technology belongs in a primary-store-* module").isEmpty();
        }
    }

    @Test
    void the_scan_finds_a_forbidden_import_where_there_is_one() {
        assertThat(forbiddenIn("package x;\nimport java.sql.Connection;\n")).containsExactly("import java.sql.Connection;");
        assertThat(forbiddenIn("package x;\nimport java.time.Instant;\n")).isEmpty();
    }

    private static Stream<String> forbiddenImports(Path file) {
        try {
            return forbiddenIn(Files.readString(file)).stream().map(line -> file + ": " + line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> forbiddenIn(String source) {
        return source.lines().map(String::strip)
                .filter(line -> FORBIDDEN.stream().anyMatch(line::startsWith))
                .toList();
    }
}
