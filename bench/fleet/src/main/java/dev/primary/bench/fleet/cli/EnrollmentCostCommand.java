package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.enrollment.CostSummary;
import dev.primary.bench.fleet.enrollment.EnrollmentCost;
import dev.primary.bench.fleet.report.ResultFiles;
import dev.primary.bench.fleet.report.ResultTable;
import dev.primary.bench.fleet.scenario.EnrollmentMode;
import dev.primary.bench.fleet.scenario.ManagedSettings;
import dev.primary.bench.fleet.scenario.ManagedTarget;
import dev.primary.bench.fleet.scenario.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "enrollment-cost", mixinStandardHelpOptions = true,
        description = {"The cost of the enrollment-token check on registration: two managed servers side by side, one "
                + "enrolling by token (the default; every client sends the token) and one with --open-enrollment true "
                + "(no token), each warmed first; then cold starts of new clients against each, alternating pass by "
                + "pass (token first in odd passes, open first in even ones).",
                "Figure: registrations per second with a token and without, their medians, the ratio of the medians "
                        + "and the median of the per-pass ratios, p99, the server's CPU per registration. Writes every "
                        + "phase's JSON and enrollment-cost.md into --results."})
final class EnrollmentCostCommand implements Callable<Integer> {
    @Option(names = "--passes", paramLabel = "N", defaultValue = "3",
            description = "Measured passes per server and variant. Default: ${DEFAULT-VALUE}.")
    int passes;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "15000",
            description = "New clients per measured phase with connection reuse. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--fresh-clients", paramLabel = "N", defaultValue = "5000",
            description = "New clients per measured phase on fresh connections (a full handshake each). "
                    + "Default: ${DEFAULT-VALUE}.")
    int freshClients;

    @Option(names = "--warmup-clients", paramLabel = "N", defaultValue = "10000",
            description = "Clients registered on each server before the passes, not measured (a quarter as many on "
                    + "fresh connections). Default: ${DEFAULT-VALUE}.")
    int warmupClients;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "64",
            description = "Lanes with connection reuse. Default: ${DEFAULT-VALUE}.")
    int reuseConcurrency;

    @Option(names = "--fresh-concurrency", paramLabel = "C", defaultValue = "32",
            description = "Lanes on fresh connections. Default: ${DEFAULT-VALUE}.")
    int freshConcurrency;

    @Option(names = "--phase-limit", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time limit of each measured phase. Default: ${DEFAULT-VALUE}.")
    Duration phaseLimit;

    @Option(names = "--variants", paramLabel = "VARIANT", split = ",", defaultValue = "reuse,fresh-full",
            converter = VariantConverter.class,
            description = "Which registrations to measure, comma-separated: reuse (keep-alive connections), "
                    + "fresh-full (a new connection and full TLS handshake each). Default: both.")
    Set<EnrollmentCost.Variant> variants = EnumSet.noneOf(EnrollmentCost.Variant.class);

    @Option(names = "--sign-inline", description = "Sign each registration while a phase runs instead of before it.")
    boolean signInline;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "enrollment-cost-results",
            description = "Where each phase's JSON and enrollment-cost.md go. Default: ${DEFAULT-VALUE}.")
    Path results;

    @Option(names = "--server-jvm-option", paramLabel = "OPTION", defaultValue = "-Xmx1g",
            description = "A JVM option of both servers; repeat for several. Default: ${DEFAULT-VALUE}.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--server-arg", paramLabel = "ARG",
            description = "A further primary-server option of both servers; repeat for several.")
    List<String> serverArguments = new ArrayList<>();

    @Mixin
    TransportOptions transport;

    private final Console console;

    EnrollmentCostCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        EnrollmentCost.Settings settings = settings();
        long start = System.nanoTime();
        Map<EnrollmentMode, ManagedTarget> servers = new EnumMap<>(EnrollmentMode.class);
        try {
            Map<EnrollmentMode, RunContext> contexts = new EnumMap<>(EnrollmentMode.class);
            String runId = RunContext.newRunId();
            for (EnrollmentMode mode : EnrollmentMode.values()) {
                console.err().println("starting the " + mode.label() + "-enrollment server ...");
                console.err().flush();
                ManagedTarget server = ManagedTarget.start(new ManagedSettings(null, jvmOptions, serverArguments,
                        settings.seats(), false, mode));
                servers.put(mode, server);
                contexts.put(mode, new RunContext(server, transport.settings(), console.err(),
                        runId + mode.name().charAt(0)));
            }
            List<EnrollmentCost.Measurement> measured = EnrollmentCost.run(contexts, settings,
                    result -> console.err().println("wrote " + ResultFiles.write(results, result)));
            ResultTable.print(measured.stream().map(EnrollmentCost.Measurement::result).toList(), console.out());
            List<String> table = CostSummary.table(CostSummary.rows(measured));
            table.forEach(console.out()::println);
            Path summary = write(header(contexts, settings, (System.nanoTime() - start) / 1e9), table);
            console.out().println("summary: " + summary.toAbsolutePath());
        } finally {
            servers.values().forEach(ManagedTarget::close);
        }
        return 0;
    }

    EnrollmentCost.Settings settings() {
        try {
            return new EnrollmentCost.Settings(passes, clients, freshClients, warmupClients, reuseConcurrency,
                    freshConcurrency, phaseLimit, !signInline, variants);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Reads a variant by its label ({@code reuse}, {@code fresh-full}). */
    static final class VariantConverter implements CommandLine.ITypeConverter<EnrollmentCost.Variant> {
        @Override
        public EnrollmentCost.Variant convert(String value) {
            return Arrays.stream(EnrollmentCost.Variant.values())
                    .filter(variant -> variant.label().equalsIgnoreCase(value.strip())).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException("not a variant: '" + value
                            + "' (reuse, fresh-full)"));
        }
    }

    private List<String> header(Map<EnrollmentMode, RunContext> contexts, EnrollmentCost.Settings settings,
            double seconds) {
        List<String> lines = new ArrayList<>();
        lines.add("Finished " + Instant.now() + ": " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", simulator and both servers on the same machine.");
        contexts.forEach((mode, context) -> lines.add(mode.label() + ": " + context.target().describe() + "."));
        lines.add("Servers: JVM options " + jvmOptions + ", arguments " + serverArguments + " (and the bench's raised "
                + "registration limit).");
        lines.add(String.format(Locale.ROOT, "Sizes: %d passes; %,d new clients per reuse phase (%d lanes), %,d per "
                + "fresh-connection phase (%d lanes, full handshakes); %,d warm-up clients per server; requests %s.",
                settings.passes(), settings.clients(), settings.reuseConcurrency(), settings.freshClients(),
                settings.freshConcurrency(), settings.warmupClients(),
                settings.presign() ? "signed before each phase" : "signed inline"));
        lines.add(String.format(Locale.ROOT, "The comparison took %.0f s.", seconds));
        return lines;
    }

    private Path write(List<String> header, List<String> table) {
        Path file = results.resolve("enrollment-cost.md");
        StringBuilder text = new StringBuilder("# Fleet simulator: the cost of the enrollment-token check\n\n");
        header.forEach(line -> text.append(line).append("  \n"));
        text.append('\n');
        table.forEach(line -> text.append(line).append('\n'));
        try {
            Files.createDirectories(results);
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
