package dev.primary.bench.fleet.nodes;

import dev.primary.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The nodes run's results: {@code nodes.json} (every figure) and {@code nodes.md} (the table docs/performance.md
 * shows).
 *
 * @param notes how the run was made (machine, sizes, JVM options), shown above the table
 * @param configurations the configurations in the order they ran (those that failed left out)
 * @param failed configurations that failed (each named, with its reason, in the notes)
 */
public record NodesReport(List<String> notes, List<ConfigurationFigures> configurations, int failed) {
    public NodesReport {
        notes = List.copyOf(notes);
        configurations = List.copyOf(configurations);
    }

    /** Writes {@code nodes.json} and {@code nodes.md} into {@code directory}; answers the markdown file. */
    public Path write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("nodes.json"), Json.writePretty(this) + "\n");
            Path markdown = directory.resolve("nodes.md");
            Files.writeString(markdown, markdown());
            return markdown;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + directory + ": " + e.getMessage(), e);
        }
    }

    public static NodesReport read(Path json) {
        try {
            return Json.read(Files.readAllBytes(json), NodesReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json + ": " + e.getMessage(), e);
        }
    }

    /** The table: one row per configuration; CPU in milliseconds per operation, each server's and PostgreSQL's. */
    public String markdown() {
        StringBuilder table = new StringBuilder();
        for (String note : notes) {
            table.append("- ").append(note).append('\n');
        }
        table.append('\n');
        table.append("| Configuration | Registrations/s | p50 / p99 ms | CPU ms per registration: servers (each) "
                + "| PostgreSQL | Check-ins/s | p50 / p99 ms | CPU ms per check-in: servers (each) | PostgreSQL "
                + "| Errors |\n");
        table.append("|---|---:|---:|---|---:|---:|---:|---|---:|---:|\n");
        for (ConfigurationFigures row : configurations) {
            table.append("| ").append(row.configuration())
                    .append(" | ").append(rate(row.registrations().perSecond()))
                    .append(" | ").append(latency(row.registrations()))
                    .append(" | ").append(servers(row.registrations()))
                    .append(" | ").append(postgres(row.registrations()))
                    .append(" | ").append(rate(row.checkIns().perSecond()))
                    .append(" | ").append(latency(row.checkIns()))
                    .append(" | ").append(servers(row.checkIns()))
                    .append(" | ").append(postgres(row.checkIns()))
                    .append(" | ").append(row.registrations().errors() + row.checkIns().errors())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String latency(PhaseFigures phase) {
        return String.format(Locale.ROOT, "%.1f / %.1f", phase.p50Millis(), phase.p99Millis());
    }

    private static String servers(PhaseFigures phase) {
        List<String> each = phase.cpuMillisPerOperation().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("server-")).sorted(Map.Entry.comparingByKey())
                .map(entry -> millis(entry.getValue())).toList();
        String total = millis(phase.serverMillisPerOperation());
        return each.size() <= 1 ? total : total + " (" + String.join(" + ", each) + ")";
    }

    private static String postgres(PhaseFigures phase) {
        Double millis = phase.cpuMillisPerOperation().get("postgresql");
        return millis == null ? "-" : millis(millis);
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

}
