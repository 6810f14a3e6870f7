package dev.primary.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.admin.RecorderVersionCount;
import dev.primary.protocol.admin.RecorderVersions;
import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.LicensingStore;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The Recorder versions' list stays bounded however many versions clients report. */
class StatisticsTest {

    @Test
    void beyond_the_most_listed_versions_the_rest_are_one_entry_and_the_total_stays_exact() {
        Map<String, Long> counts = new HashMap<>();
        for (int build = 1; build <= Statistics.MAX_VERSIONS + 50; build++) {
            counts.put("1.0." + build, build <= 50 ? 1L : 10L); // the 50 oldest builds run on one computer each
        }
        counts.put("0.0.0", 7L);

        RecorderVersions versions = statisticsOver(counts).recorderVersions();

        assertThat(versions.computers()).isEqualTo(50 + 100 * 10 + 7);
        assertThat(versions.versions()).as("the 100 on most computers, never ran, the rest")
                .hasSize(Statistics.MAX_VERSIONS + 2);
        assertThat(versions.versions().get(0).version()).as("newest first").isEqualTo("V 1.0 (0150)");
        assertThat(versions.versions().get(Statistics.MAX_VERSIONS)).as("never ran: always listed")
                .isEqualTo(new RecorderVersionCount("V 0.0 (0000)", 7));
        RecorderVersionCount rest = versions.versions().get(Statistics.MAX_VERSIONS + 1);
        assertThat(rest.version()).isEqualTo("50 other versions");
        assertThat(rest.computers()).as("the 50 builds on one computer each").isEqualTo(50);
        assertThat(versions.versions().stream().mapToLong(RecorderVersionCount::computers).sum())
                .isEqualTo(versions.computers());
    }

    @Test
    void a_fleet_with_few_versions_lists_each() {
        RecorderVersions versions = statisticsOver(Map.of("1.2.345", 3L, "1.0.1", 2L, "0.0.0", 1L)).recorderVersions();

        assertThat(versions.versions()).extracting(RecorderVersionCount::version)
                .containsExactly("V 1.2 (0345)", "V 1.0 (0001)", "V 0.0 (0000)");
    }

    private static Statistics statisticsOver(Map<String, Long> counts) {
        LicensingReads reads = (LicensingReads) Proxy.newProxyInstance(LicensingReads.class.getClassLoader(),
                new Class<?>[] {LicensingReads.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("recorderVersionCounts")) {
                        return counts;
                    }
                    throw new AssertionError("no read expected: " + method.getName());
                });
        LicensingStore store = (LicensingStore) Proxy.newProxyInstance(LicensingStore.class.getClassLoader(),
                new Class<?>[] {LicensingStore.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("read")) {
                        @SuppressWarnings("unchecked")
                        Function<LicensingReads, Object> unit = (Function<LicensingReads, Object>) arguments[0];
                        return unit.apply(reads);
                    }
                    throw new AssertionError("no call expected: " + method.getName());
                });
        return new Statistics(store, Clock.systemUTC());
    }

}
