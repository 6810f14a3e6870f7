package dev.primary.admin.store;

import dev.primary.admin.AdminUsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code primary-admin store}: the store itself, opened directly on the server's host rather than through the admin
 * API: move it from SQLite to PostgreSQL, verify a move, back it up.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Moves, verifies and backs up the server's store, on the server's host.",
                "These commands open the store directly (DIR/primary.db, or a PostgreSQL database), not the admin API."},
        footer = {"", "Exit codes of the store commands:",
                "  0  ok",
                "  1  failure: a file or the copy failed (the target was rolled back)",
                "  2  usage error",
                "  3  the target database cannot be reached or logged into",
                "  4  the source store is in use: a server holds its lock (stop it first)",
                "  5  the target is not empty",
                "  6  schema mismatch: a store's tables are not this version's",
                "  7  verification failed: the target does not hold exactly the source's rows"})
public final class StoreCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private StoreCommand() {}

    /** The {@code store} group; {@code dataDirectory} is the root's {@code --data-dir}, if given. */
    public static CommandLine group(PrintWriter out, Supplier<Optional<Path>> dataDirectory,
            Map<String, String> environment) {
        return new CommandLine(new StoreCommand())
                .addSubcommand(new StoreMigrateCommand(out, dataDirectory, environment))
                .addSubcommand(new StoreVerifyCommand(out, dataDirectory, environment))
                .addSubcommand(new StoreBackupCommand(out, dataDirectory, environment));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'primary-admin store --help')");
    }

    /** The SQLite store file: {@code --from FILE}, or else {@code DIR/primary.db} of {@code --data-dir DIR}. */
    static Path sqliteFile(Path from, Supplier<Optional<Path>> dataDirectory) {
        if (from != null) {
            return from;
        }
        return dataDirectory.get().map(directory -> directory.resolve("primary.db"))
                .orElseThrow(() -> new AdminUsageException("give the server's data directory (--data-dir DIR) or the"
                        + " store file (--from FILE)"));
    }
}
