package dev.primary.bench.fleet.report;

import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.harness.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes each result as {@code <scenario>-<variant>.json} into the results directory (never overwriting one). */
public final class ResultFiles {
    private ResultFiles() {}

    /** Writes {@code result} and returns its file. */
    public static Path write(Path directory, ScenarioResult result) {
        String variant = result.notes().getOrDefault(ResultBuilder.VARIANT, "");
        String base = (result.scenario() + (variant.isEmpty() ? "" : "-" + variant))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        Path file = directory.resolve(base + ".json");
        for (int copy = 2; Files.exists(file); copy++) {
            file = directory.resolve(base + "-" + copy + ".json");
        }
        result.write(file);
        return file;
    }
}
