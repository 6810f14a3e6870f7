package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.CreatedEnrollmentToken;
import dev.primary.protocol.admin.EnrollmentSource;
import dev.primary.protocol.admin.EnrollmentTokenRequest;
import dev.primary.protocol.admin.EnrollmentTokenView;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primary-admin enrollment ...}: the tokens new clients register with, and where registrations come from. */
@Command(name = "enrollment", mixinStandardHelpOptions = true,
        description = {"Creates, lists and revokes enrollment tokens; shows where registrations come from.",
                "A new client registers only with an enrollment token, which the Deployment Utility writes into its "
                        + "configuration (--enrollment-token). Clients whose key the server already knows need none."})
public final class EnrollmentCommand implements Runnable {
    static final String UNLIMITED = "unlimited";
    static final String NEVER = "never";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: create, list, revoke or sources");
    }

    /** The {@code enrollment} command group with its subcommands. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new EnrollmentCommand())
                .addSubcommand(new Create(console))
                .addSubcommand(new ListTokens(console))
                .addSubcommand(new Revoke(console))
                .addSubcommand(new Sources(console));
    }

    /** The token id in {@code idOrToken}: an id, or a whole token {@code <id>.<secret>} of which the id is kept. */
    static String tokenId(String idOrToken) {
        return idOrToken.strip().split("\\.", 2)[0];
    }

    static String label(EnrollmentTokenView token) {
        return token.label().isEmpty() ? "" : " (" + token.label() + ")";
    }

    static String usesLeft(EnrollmentTokenView token) {
        return token.usesLeft() == null ? UNLIMITED : String.valueOf(token.usesLeft());
    }

    static String expires(EnrollmentTokenView token) {
        return token.expiresAt() == null ? NEVER : Display.time(token.expiresAt());
    }

    /** {@code enrollment create [--name LABEL] [--uses N] [--expires DURATION] [--group G]}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates an enrollment token and prints it, this once: the server keeps only its hash.",
                    "The first line of the output is the token alone (with --json: the whole answer), so a script "
                            + "can capture it: TOKEN=$(primary-admin enrollment create ... | head -n 1)"})
    static final class Create implements Runnable {
        private final AdminConsole console;

        @Option(names = "--name", paramLabel = "LABEL",
                description = "What you call it, e.g. \"lab wing B\" (at most 200 characters). Default: none.")
        private String label = "";

        @Option(names = "--uses", paramLabel = "N", defaultValue = UNLIMITED,
                description = "How many computers it may enroll, 1 or more, or unlimited. Default: ${DEFAULT-VALUE}.")
        private String uses;

        @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "30d",
                description = "How long it stays valid, like 90m, 12h or 7d, or never. Default: ${DEFAULT-VALUE} "
                        + "(a token left lying around stops working by itself).")
        private String expires;

        @Option(names = "--group", paramLabel = "GROUP",
                description = "Put the computers it enrolls in this group (see 'group set'). Default: none.")
        private String group = "";

        @Mixin
        private JsonOption output;

        Create(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            EnrollmentTokenRequest request = AdminUsageException.validated(
                    () -> new EnrollmentTokenRequest(label, uses(), expiresInSeconds(), group));
            console.show(console.api().get().createEnrollmentToken(request), output.json, answer -> {
                CreatedEnrollmentToken created = answer.as(CreatedEnrollmentToken.class);
                EnrollmentTokenView token = created.view();
                PrintWriter out = console.out();
                out.println(created.token());
                out.printf("Created enrollment token %s%s: %s, %s, %s.%n", token.id(), label(token),
                        token.uses() == 0 ? "unlimited uses" : token.uses() + (token.uses() == 1 ? " use" : " uses"),
                        token.expiresAt() == null ? "never expires" : "expires " + Display.time(token.expiresAt()),
                        token.group().isEmpty() ? "no group" : "group " + token.group());
                out.println("The line above is the token, shown only this once (the server keeps only its hash).");
                out.println("Give it to the Deployment Utility: deployment-utility ... --enrollment-token TOKEN");
            });
        }

        private int uses() {
            if (uses.strip().equals(UNLIMITED)) {
                return 0;
            }
            try {
                int count = Integer.parseInt(uses.strip());
                if (count >= 1) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // described below
            }
            throw new AdminUsageException("--uses: give a number of computers, 1 or more, or " + UNLIMITED
                    + ", got \"" + uses + "\"");
        }

        private long expiresInSeconds() {
            if (expires.strip().equals(NEVER)) {
                return 0;
            }
            long seconds = DurationOption.seconds("--expires", expires);
            if (seconds == 0) {
                throw new AdminUsageException("--expires: give a duration longer than 0 (like 12h or 7d), or " + NEVER);
            }
            return seconds;
        }
    }

    /** {@code enrollment list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the enrollment tokens, newest first.",
                    "Each with its uses left, expiry, group, how many computers it enrolled, and its state "
                            + "(active, expired, used-up, revoked)."})
    static final class ListTokens implements Runnable {
        private final AdminConsole console;

        @Mixin
        private JsonOption output;

        ListTokens(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().enrollmentTokens(), output.json, answer -> {
                List<EnrollmentTokenView> tokens = answer.asListOf(EnrollmentTokenView.class);
                if (tokens.isEmpty()) {
                    console.out().println("No enrollment tokens yet: create one with 'primary-admin enrollment create'.");
                    return;
                }
                TextTable table = new TextTable("ID", "LABEL", "USES LEFT", "EXPIRES", "GROUP", "ENROLLED", "STATE");
                for (EnrollmentTokenView token : tokens) {
                    table.row(token.id(), Display.firstLine(token.label(), 40), usesLeft(token), expires(token),
                            Display.text(token.group()), String.valueOf(token.enrolled()), token.state().wireName());
                }
                table.print(console.out());
            });
        }
    }

    /** {@code enrollment revoke ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes an enrollment token: it enrolls no more computers.",
                    "The computers it enrolled keep their seats (revoke one with 'revoke NAME')."})
    static final class Revoke implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "ID",
                description = "The token's id (see 'enrollment list'), or the whole token: only its id is sent.")
        private String id;

        @Mixin
        private JsonOption output;

        Revoke(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            String tokenId = tokenId(id);
            if (tokenId.isEmpty()) {
                throw new AdminUsageException("give the id of the enrollment token to revoke (see 'enrollment list')");
            }
            console.show(console.api().get().revokeEnrollmentToken(tokenId), output.json, answer -> {
                EnrollmentTokenView token = answer.as(EnrollmentTokenView.class);
                console.out().printf("Enrollment token %s%s: %s; it enrolls no more computers (the %d it enrolled keep "
                        + "their seats).%n", token.id(), label(token), token.state().wireName(), token.enrolled());
            });
        }
    }

    /** {@code enrollment sources}. */
    @Command(name = "sources", mixinStandardHelpOptions = true,
            description = {"Shows where registrations come from, per source address.",
                    "ENROLLED: the computers first registered from it. LIMITED: its registration and token-check "
                            + "requests refused for going over the per-address limit (429) since the server started. "
                            + "A flood shows as one address with many of either."})
    static final class Sources implements Runnable {
        private final AdminConsole console;

        @Mixin
        private JsonOption output;

        Sources(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().enrollmentSources(), output.json, answer -> {
                List<EnrollmentSource> sources = answer.asListOf(EnrollmentSource.class);
                if (sources.isEmpty()) {
                    console.out().println("No registrations yet.");
                    return;
                }
                TextTable table = new TextTable("ADDRESS", "ENROLLED", "LIMITED (429)");
                for (EnrollmentSource source : sources) {
                    table.row(source.address(), String.valueOf(source.enrolled()), String.valueOf(source.limited()));
                }
                table.print(console.out());
            });
        }
    }
}
