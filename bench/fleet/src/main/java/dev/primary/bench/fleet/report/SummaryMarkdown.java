package dev.primary.bench.fleet.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code summary.md}: where and how the suite ran, then one table row per figure. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {}

    /**
     * @param header lines said before the table (machine, run id, TLS stack, sizes)
     */
    public static String render(List<String> header, List<SummaryRow> rows) {
        StringBuilder text = new StringBuilder("# Fleet simulator: suite summary\n\n");
        header.forEach(line -> text.append(line).append("  \n"));
        text.append("\n| figure | target | measured | of ceiling | met? |\n|---|---|---|---|---|\n");
        for (SummaryRow row : rows) {
            text.append("| ").append(cell(row.figure())).append(" | ").append(cell(row.target())).append(" | ")
                    .append(cell(row.measured())).append(" | ").append(cell(row.ofCeiling())).append(" | ")
                    .append(cell(row.met())).append(" |\n");
        }
        text.append("\nEvery figure's full result (latency, errors by kind, server CPU and memory, simulator CPU) is ")
                .append("in the `*.json` files beside this one.\n");
        return text.toString();
    }

    public static Path write(Path directory, List<String> header, List<SummaryRow> rows) {
        Path file = directory.resolve("summary.md");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, render(header, rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
