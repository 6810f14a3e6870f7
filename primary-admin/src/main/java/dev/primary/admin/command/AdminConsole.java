package dev.primary.admin.command;

import dev.primary.admin.http.AdminApi;
import dev.primary.admin.http.Answer;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every command prints to and talks through. The API is made on first use, so {@code --help}
 * needs no server.
 *
 * @param out where results go; written through a {@link TerminalWriter}, so no control character a client sent
 *     reaches the terminal
 * @param api the admin API of the server named on the command line
 */
public record AdminConsole(PrintWriter out, Supplier<AdminApi> api) {
    public AdminConsole {
        out = TerminalWriter.around(out);
    }

    /** Prints {@code answer} as the server's JSON with {@code --json}, otherwise through {@code human}. */
    void show(Answer answer, boolean json, Consumer<Answer> human) {
        if (json) {
            out.println(answer.prettyJson());
        } else {
            human.accept(answer);
        }
    }
}
