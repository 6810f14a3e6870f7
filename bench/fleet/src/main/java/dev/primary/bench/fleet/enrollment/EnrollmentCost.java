package dev.primary.bench.fleet.enrollment;

import dev.primary.bench.fleet.scenario.ColdStart;
import dev.primary.bench.fleet.scenario.EnrollmentMode;
import dev.primary.bench.fleet.scenario.LoadShape;
import dev.primary.bench.fleet.scenario.ResultBuilder;
import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.transport.ConnectionMode;
import dev.primary.bench.harness.ScenarioResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cost of the enrollment-token check on registration: cold starts (new clients registering, each a durable seat
 * grant) against two managed servers that differ only in how clients enroll, one by token (the server's default:
 * every client sends the token; the server hashes it, compares it in constant time, looks it up by id and counts its
 * use in the registration's write) and one open ({@code --open-enrollment true}, no token sent). Both servers run
 * side by side; the passes alternate between them (token first in odd passes, open first in even ones), so the
 * machine's drift falls on both alike. Each server is first warmed with one cold start of each variant, not measured.
 */
public final class EnrollmentCost {
    public static final String NAME = "enrollment-cost";

    private EnrollmentCost() {}

    /** How clients connect for a registration. */
    public enum Variant {
        /** Each lane keeps one keep-alive connection (the suite's cold start). */
        REUSE,
        /** A new connection and a full TLS handshake per registration (a new client has no session to resume). */
        FRESH_FULL;

        /** {@code reuse} or {@code fresh-full}, as in the simulator's other results. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param passes measured passes per server and variant
     * @param clients new clients registering in each measured reuse phase
     * @param freshClients new clients registering in each measured fresh-connection phase
     * @param warmupClients clients of each server's warm-up cold start with reuse (a quarter of them on fresh
     *     connections too), not measured
     * @param reuseConcurrency lanes with connection reuse
     * @param freshConcurrency lanes on fresh connections
     * @param phaseLimit time limit of each measured phase, or null
     * @param presign sign each phase's registrations before it
     * @param variants which variants to measure
     */
    public record Settings(int passes, int clients, int freshClients, int warmupClients, int reuseConcurrency,
            int freshConcurrency, Duration phaseLimit, boolean presign, Set<Variant> variants) {
        public Settings {
            if (passes < 1 || clients < 1 || freshClients < 1 || warmupClients < 0 || reuseConcurrency < 1
                    || freshConcurrency < 1) {
                throw new IllegalArgumentException("passes, clients and lanes must be at least 1 (warm-up may be 0)");
            }
            if (variants == null || variants.isEmpty()) {
                throw new IllegalArgumentException("at least one variant (reuse, fresh-full) is needed");
            }
            variants = EnumSet.copyOf(variants);
        }

        LoadShape load(Variant variant) {
            return variant == Variant.REUSE ? new LoadShape(reuseConcurrency, ConnectionMode.REUSE, false)
                    : new LoadShape(freshConcurrency, ConnectionMode.FRESH, false);
        }

        int clients(Variant variant) {
            return variant == Variant.REUSE ? clients : freshClients;
        }

        /** Seats a server needs for every registration of a run. */
        public int seats() {
            long all = warmupClients + (long) Math.max(1, warmupClients / 4)
                    + (long) passes * (clients + freshClients);
            return (int) Math.min(Integer.MAX_VALUE, all + 1_000);
        }
    }

    /** One measured phase: which variant, against which server, in which pass. */
    public record Measurement(Variant variant, EnrollmentMode mode, int pass, ScenarioResult result) {
        public Measurement {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Warms both servers, then measures every pass; {@code recorded} sees each result as soon as it is measured.
     *
     * @param contexts a run context per enrollment mode, each on its own managed server
     */
    public static List<Measurement> run(Map<EnrollmentMode, RunContext> contexts, Settings settings,
            Consumer<ScenarioResult> recorded) {
        if (!contexts.keySet().containsAll(EnumSet.allOf(EnrollmentMode.class))) {
            throw new IllegalArgumentException("the comparison needs a server for each enrollment mode");
        }
        for (EnrollmentMode mode : EnrollmentMode.values()) {
            warm(contexts.get(mode), settings);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int pass = 1; pass <= settings.passes(); pass++) {
            List<EnrollmentMode> order = pass % 2 == 1 ? List.of(EnrollmentMode.TOKEN, EnrollmentMode.OPEN)
                    : List.of(EnrollmentMode.OPEN, EnrollmentMode.TOKEN);
            for (Variant variant : settings.variants()) {
                for (EnrollmentMode mode : order) {
                    RunContext context = contexts.get(mode);
                    context.progress().printf("%s: pass %d of %d, %s, %s enrollment%n", NAME, pass, settings.passes(),
                            variant.label(), mode.label());
                    ScenarioResult result = tagged(ColdStart.run(context, new ColdStart.Settings(
                            settings.clients(variant), settings.load(variant), 0, settings.presign(),
                            settings.phaseLimit())).result(), variant, mode, pass);
                    recorded.accept(result);
                    measurements.add(new Measurement(variant, mode, pass, result));
                }
            }
        }
        return measurements;
    }

    private static void warm(RunContext context, Settings settings) {
        if (settings.warmupClients() == 0) {
            return;
        }
        context.progress().printf("%s: warming %s (not measured) ...%n", NAME, context.target().describe());
        for (Variant variant : settings.variants()) {
            int clients = variant == Variant.REUSE ? settings.warmupClients()
                    : Math.max(1, settings.warmupClients() / 4);
            ColdStart.run(context, new ColdStart.Settings(clients, settings.load(variant), 0, settings.presign(),
                    settings.phaseLimit()));
        }
    }

    /** The result named {@code <variant>-<mode>} (its file name), with the pass it belongs to. */
    static ScenarioResult tagged(ScenarioResult result, Variant variant, EnrollmentMode mode, int pass) {
        Map<String, String> notes = new LinkedHashMap<>(result.notes());
        notes.put(ResultBuilder.VARIANT, variant.label() + "-" + mode.label());
        notes.put("comparison", NAME + ", pass " + pass);
        return new ScenarioResult(result.scenario(), result.fleetSize(), result.connectionReuse(),
                result.concurrency(), result.operations(), result.seconds(), result.perSecond(),
                result.latencyMillis(), result.errors(), result.server(), result.fractionOfCeiling(), notes);
    }
}
