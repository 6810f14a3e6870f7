package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.console.ConsolePages;
import dev.primary.bench.fleet.scenario.ManagedTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "console-pages", mixinStandardHelpOptions = true,
        description = {"Manage Computers of the web console on a large fleet: a managed server whose store is seeded "
                + "with --computers computers (FleetSeeder; the first --licensed hold a seat, the rest wait), then each "
                + "page timed on the server (HTTPS, logged in, request to last byte; the first request and the median "
                + "of --repeats) and in a real headless Chromium (navigation start to the table in the DOM and to the load event, Navigation Timing; the median of "
                + "--browser-repeats after a first navigation).",
                "Pages: the first page, state waiting, state licensed by last contact, a search, a search with a "
                        + "state, the last page. Writes console-pages.md into --results."})
final class ConsolePagesCommand implements Callable<Integer> {
    @Option(names = "--computers", paramLabel = "N", defaultValue = "1000000",
            description = "Computers in the store. Default: ${DEFAULT-VALUE}.")
    int computers;

    @Option(names = "--licensed", paramLabel = "N", defaultValue = "900000",
            description = "Of them holding a seat (the license has as many seats); the others wait. "
                    + "Default: ${DEFAULT-VALUE}.")
    int licensed;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "9",
            description = "Timed requests per page after the first. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--browser-repeats", paramLabel = "N", defaultValue = "7",
            description = "Timed browser navigations per page after the first; 0 for no browser. "
                    + "Default: ${DEFAULT-VALUE}.")
    int browserRepeats;

    @Option(names = "--chromium", paramLabel = "FILE", defaultValue = "/usr/bin/chromium",
            description = "The browser. Default: ${DEFAULT-VALUE}.")
    Path chromium;

    @Option(names = "--chromedriver", paramLabel = "FILE", defaultValue = "/usr/bin/chromedriver",
            description = "Its driver (never downloaded). Default: ${DEFAULT-VALUE}.")
    Path chromedriver;

    @Option(names = "--server-jvm-option", paramLabel = "OPTION", defaultValue = "-Xmx1g",
            description = "A JVM option of the server; repeat for several. Default: ${DEFAULT-VALUE}.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "console-pages-results",
            description = "Where console-pages.md goes. Default: ${DEFAULT-VALUE}.")
    Path results;

    private final Console console;

    ConsolePagesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        ConsolePages.Settings settings;
        try {
            settings = new ConsolePages.Settings(computers, licensed, repeats, browserRepeats, chromium, chromedriver,
                    jvmOptions);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (browserRepeats > 0 && (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver))) {
            throw new UsageException("no browser at " + chromium + " or no driver at " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver), or --browser-repeats 0");
        }
        Path work;
        try {
            work = Files.createTempDirectory("console-pages-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a work directory", e);
        }
        try {
            ConsolePages.Report report = ConsolePages.run(work, settings, console.err());
            List<String> lines = ConsolePages.markdown(report);
            lines.forEach(console.out()::println);
            Files.createDirectories(results);
            Path file = results.resolve("console-pages.md");
            Files.write(file, lines);
            console.err().println("wrote " + file);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + results, e);
        } finally {
            ManagedTarget.deleteTree(work);
        }
    }
}
