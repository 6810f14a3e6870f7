package dev.primary.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientIdleTest {
    @Test
    void the_median_start_is_the_middle_one_by_peak_resident_memory() {
        ClientIdle.Sample low = sample(64_000);
        ClientIdle.Sample middle = sample(65_000);
        ClientIdle.Sample high = sample(66_000);

        assertThat(ClientIdle.median(List.of(high, low, middle))).isSameAs(middle);
    }

    @Test
    void of_an_even_count_the_median_is_the_lower_middle_start() {
        assertThat(ClientIdle.median(List.of(sample(3), sample(1), sample(4), sample(2))).peakBytes()).isEqualTo(2);
    }

    @Test
    void only_class_archives_that_do_not_exist_yet_need_a_training_start(@TempDir Path directory) throws IOException {
        Path existing = Files.createFile(directory.resolve("existing.jsa"));
        Path missing = directory.resolve("missing.jsa");
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("threads", "-Xss256k");
        variants.put("archive", " -XX:SharedArchiveFile=" + missing + "  -Xss256k");
        variants.put("same archive", "-XX:SharedArchiveFile=" + missing);
        variants.put("archive made", "-XX:SharedArchiveFile=" + existing);

        assertThat(ClientIdle.missingArchives(variants)).containsExactly(missing);
    }

    @Test
    void the_launchers_line_about_the_class_archive_is_found_in_a_starts_output(@TempDir Path directory)
            throws IOException {
        Path output = Files.writeString(directory.resolve("first-start.out"), String.join("\n",
                "12:00:00.000 INFO  Client Service 0.1.0 starting: client id abc",
                "client-service launcher: class archive made by a training run in 4 s",
                "client-service launcher: something else"));

        assertThat(ClientIdle.launcherSays(output, "class archive"))
                .contains("client-service launcher: class archive made by a training run in 4 s");
        assertThat(ClientIdle.launcherSays(output, "trial")).isEmpty();
        assertThat(ClientIdle.launcherSays(directory.resolve("missing.out"), "class archive")).isEmpty();
    }

    private static ClientIdle.Sample sample(long peakBytes) {
        return new ClientIdle.Sample(peakBytes, peakBytes, 0, 0, 17, 0);
    }
}
