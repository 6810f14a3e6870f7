package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.LogLevel;
import dev.primary.protocol.admin.LogLevelChange;
import dev.primary.protocol.admin.LogLevelView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code primary-admin log-level [LEVEL]}: shows, or changes until the server restarts, the server's log level. */
@Command(name = "log-level", mixinStandardHelpOptions = true,
        description = {"Shows the running server's log level, or with LEVEL changes it at once: low (warnings, "
                + "errors, start and stop), normal, or debug (the server's own DEBUG lines, for a diagnosis).",
                "The change is audited and lasts until the server restarts; the server's log-level setting is the "
                + "lasting one."})
public final class LogLevelCommand implements Runnable {
    private final AdminConsole console;

    @Parameters(paramLabel = "LEVEL", arity = "0..1", description = "low, normal or debug; none: show the level.")
    private String level;

    @Mixin
    private JsonOption output;

    public LogLevelCommand(AdminConsole console) {
        this.console = console;
    }

    @Override
    public void run() {
        if (level == null) {
            console.show(console.api().get().logLevel(), output.json, answer -> {
                LogLevelView view = answer.as(LogLevelView.class);
                console.out().println("Log level: " + view.level().wireName() + " (configured: "
                        + view.configured().wireName() + "; a restart returns to it)");
            });
            return;
        }
        LogLevelChange change = AdminUsageException.validated(() -> new LogLevelChange(level));
        LogLevel wanted = change.logLevel();
        console.show(console.api().get().changeLogLevel(change), output.json, answer -> {
            LogLevelView view = answer.as(LogLevelView.class);
            console.out().println("Log level: " + wanted.wireName() + " until the server restarts (configured: "
                    + view.configured().wireName() + ")");
        });
    }
}
