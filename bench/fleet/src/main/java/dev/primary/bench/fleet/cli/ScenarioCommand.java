package dev.primary.bench.fleet.cli;

import dev.primary.bench.fleet.scenario.RunContext;
import dev.primary.bench.fleet.scenario.ServerTarget;
import dev.primary.bench.harness.ScenarioResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A scenario against a server: opens the target, runs, prints (and writes) the results, closes the target. */
abstract class ScenarioCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    TransportOptions transport;

    @Mixin
    OutputOptions output;

    final Console console;

    ScenarioCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Plan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            throw e instanceof UsageException ? e : new UsageException(e.getMessage());
        }
        try (ServerTarget server = target.open(console.err())) {
            RunContext context = new RunContext(server, transport.settings(), console.err(), RunContext.newRunId());
            output.emit(plan.run(context), console.out());
        }
        return 0;
    }

    /**
     * Checks the options and turns them into what to run, before any server starts; an option that breaks a rule
     * throws {@link IllegalArgumentException} (a usage error).
     */
    abstract Plan plan();

    /** What a command runs once its server is there. */
    @FunctionalInterface
    interface Plan {
        List<ScenarioResult> run(RunContext context);
    }
}
