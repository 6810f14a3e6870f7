package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.report.ResultFiles;
import dev.primary.bench.fleet.report.ResultTable;
import dev.primary.bench.harness.ScenarioResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where results go: always a table on stdout, and JSON files when a directory is given. */
final class OutputOptions {
    @Option(names = "--results", paramLabel = "DIR",
            description = "Also write each result as JSON (<scenario>-<variant>.json) into DIR.")
    Path results;

    void emit(List<ScenarioResult> measured, PrintWriter out) {
        ResultTable.print(measured, out);
        if (results != null) {
            measured.forEach(result -> ResultFiles.write(results, result));
            out.println("results written to " + results.toAbsolutePath());
        }
        out.flush();
    }
}
