package dev.primary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.LogLevel;
import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.message.ProblemType;
import dev.primary.server.FakeLicensing;
import dev.primary.server.FakeReleases;
import dev.primary.server.identity.AdminToken;
import dev.primary.server.logging.RunningLogLevel;
import dev.primary.server.nudge.NudgeSender;
import dev.primary.server.store.files.FilePackageStore;
import dev.primary.server.stats.Statistics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.primary.server.account.AccountServices;
import dev.primary.server.account.Accounts;
import dev.primary.server.account.LoginThrottle;
import dev.primary.server.account.Logins;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.password.Argon2idHashing;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference documents name everything the server has: every route of the client port in {@code docs/protocol.md}
 * (a heading {@code ### METHOD /path} each), every {@link ProblemType} there with its status (a table row
 * {@code | `slug` | status | ...}), and every route of the admin port in {@code docs/admin-api.md} (a table row
 * starting {@code | `METHOD /path}). The routes come from the route tables the server really listens with.
 */
class ProtocolReferenceTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern ROUTE_HEADING = Pattern.compile("(?m)^### (GET|POST|PUT|DELETE) (/\\S*)\\s*$");
    private static final Pattern PROBLEM_ROW = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| (\\d{3}) \\|");
    private static final Pattern ADMIN_ROW = Pattern.compile("(?m)^\\| `(GET|POST|PUT|DELETE) (/[^`?\\s]*)");
    private static final String PROBLEM_PREFIX = "urn:primary:problem:";

    @TempDir
    Path temp;

    private FakeLicensing licensing;
    private FilePackageStore packages;
    private NudgeSender nudges;

    @BeforeEach
    void standIns() {
        licensing = new FakeLicensing(null, Ed25519.generate(), Clock.systemUTC());
        packages = FilePackageStore.open(temp.resolve("packages"));
        nudges = NudgeSender.standard();
    }

    @AfterEach
    void close() {
        nudges.close();
    }

    @Test
    void protocol_md_has_a_section_for_every_route_of_the_client_port_and_none_it_lacks() throws IOException {
        List<String> routes = clientRoutes().declared();
        Set<String> documented = matches(ROUTE_HEADING, read("protocol.md"));

        assertThat(routes).as("client routes").isNotEmpty();
        assertThat(missing(routes, documented)).as("client routes with no '### METHOD /path' section in docs/protocol.md")
                .isEmpty();
        assertThat(missing(documented, Set.copyOf(routes))).as("sections of docs/protocol.md for routes the server lacks")
                .isEmpty();
    }

    @Test
    void protocol_md_lists_every_problem_type_with_its_status() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = PROBLEM_ROW.matcher(read("protocol.md"));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }

        List<String> undocumented = new java.util.ArrayList<>();
        for (ProblemType type : ProblemType.values()) {
            String slug = type.uri().substring(PROBLEM_PREFIX.length());
            if (!String.valueOf(type.status()).equals(documented.get(slug))) {
                undocumented.add(slug + " (" + type.status() + ")" + (documented.containsKey(slug)
                        ? " documented with status " + documented.get(slug) : ""));
            }
        }
        assertThat(undocumented).as("problem types without a '| `slug` | status |' row in docs/protocol.md, "
                + "or with another status").isEmpty();
    }

    @Test
    void admin_api_md_has_a_row_for_every_route_of_the_admin_port() throws IOException {
        List<String> routes = adminRoutes().declared();
        Set<String> documented = matches(ADMIN_ROW, read("admin-api.md"));

        assertThat(routes).as("admin routes").isNotEmpty();
        assertThat(missing(routes, documented)).as("admin routes with no '| `METHOD /path` |' row in docs/admin-api.md")
                .isEmpty();
        assertThat(missing(documented, Set.copyOf(routes))).as("rows of docs/admin-api.md for routes the server lacks")
                .isEmpty();
    }

    private RouteTable clientRoutes() {
        return ClientRoutes.of(licensing, packages, new SourceRateLimit(20, 200, 100, System::nanoTime));
    }

    private RouteTable adminRoutes() {
        return AdminRoutes.of(licensing, new UpdateServices(new FakeReleases(Clock.systemUTC()), packages, nudges, 1024),
                AdminToken.generate(), () -> null, () -> null, limit -> Map.of(), new RunningLogLevel(LogLevel.NORMAL),
                new Readiness(), () -> "", Optional.of(accountServices()),
                Optional.of(new Statistics(UNUSED_STORE, Clock.systemUTC())));
    }

    private static AccountServices accountServices() {
        Argon2idHashing hashing = new Argon2idHashing(Argon2idHashing.DEFAULT);
        Accounts accounts = new Accounts(UNUSED_STORE, hashing, Clock.systemUTC());
        return new AccountServices(accounts, new Logins(accounts, UNUSED_STORE, hashing,
                new LoginThrottle(LoginThrottle.Limits.DEFAULT, Clock.systemUTC())));
    }

    /** Only the routes are declared here; none of them runs. */
    private static final LicensingStore UNUSED_STORE = new LicensingStore() {
        @Override
        public <T> T write(java.util.function.Function<dev.primary.server.licensing.LicensingWrites, T> unit) {
            throw new UnsupportedOperationException("routes are only declared in this test");
        }

        @Override
        public <T> T read(java.util.function.Function<dev.primary.server.licensing.LicensingReads, T> unit) {
            throw new UnsupportedOperationException("routes are only declared in this test");
        }
    };

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) + " " + matcher.group(2));
        }
        return found;
    }

    private static List<String> missing(java.util.Collection<String> wanted, Set<String> present) {
        return wanted.stream().filter(route -> !present.contains(route)).sorted().toList();
    }

    private static String read(String document) throws IOException {
        return Files.readString(DOCS.resolve(document), StandardCharsets.UTF_8);
    }
}
