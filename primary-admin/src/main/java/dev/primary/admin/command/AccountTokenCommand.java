package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.AccountTokenRequest;
import dev.primary.protocol.admin.AccountTokenView;
import dev.primary.protocol.admin.CreatedAccountToken;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primary-admin account token ...}: an account's API tokens, for scripts. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Creates, lists and revokes an account's API tokens.",
                "A script sends one as 'Authorization: Bearer TOKEN' to the admin API (or gives it to primary-admin "
                        + "with --token-file) and acts as that account, with its role."})
public final class AccountTokenCommand implements Runnable {
    static final String NEVER = "never";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: create, list or revoke");
    }

    static CommandLine group(AdminConsole console) {
        return new CommandLine(new AccountTokenCommand())
                .addSubcommand(new Create(console))
                .addSubcommand(new ListTokens(console))
                .addSubcommand(new Revoke(console));
    }

    static String state(AccountTokenView token, Instant now) {
        if (token.revokedAt() != null) {
            return "revoked";
        }
        return token.expiresAt() != null && !now.isBefore(token.expiresAt()) ? "expired" : "active";
    }

    /** {@code account token create NAME [--name LABEL] [--expires DURATION]}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates an API token of an account and prints it, this once: the server keeps only its hash.",
                    "The first line of the output is the token alone (with --json: the whole answer), so a script "
                            + "can capture it: TOKEN=$(primary-admin account token create NAME | head -n 1)"})
    static final class Create implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "NAME", description = "The account it acts as.")
        private String account;

        @Option(names = "--name", paramLabel = "LABEL",
                description = "What it is for, e.g. \"nightly report\" (at most 200 characters). Default: none.")
        private String label = "";

        @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "90d",
                description = "How long it works, like 12h or 30d, or never. Default: ${DEFAULT-VALUE}.")
        private String expires;

        @Mixin
        private JsonOption output;

        Create(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            long seconds = expires.strip().equals(NEVER) ? 0 : DurationOption.seconds("--expires", expires);
            if (seconds == 0 && !expires.strip().equals(NEVER)) {
                throw new AdminUsageException("--expires: give a duration longer than 0 (like 12h or 30d), or " + NEVER);
            }
            AccountTokenRequest request = AdminUsageException.validated(() -> new AccountTokenRequest(label, seconds));
            console.show(console.api().get().createAccountToken(account, request), output.json, answer -> {
                CreatedAccountToken created = answer.as(CreatedAccountToken.class);
                AccountTokenView token = created.view();
                console.out().println(created.token());
                console.out().printf("Created API token %s of account %s, %s.%n", token.id(), token.account(),
                        token.expiresAt() == null ? "never expires" : "expires " + Display.time(token.expiresAt()));
                console.out().println("The line above is the token, shown only this once (the server keeps only its "
                        + "hash).");
            });
        }
    }

    /** {@code account token list NAME}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an account's API tokens, newest first.")
    static final class ListTokens implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "NAME", description = "The account.")
        private String account;

        @Mixin
        private JsonOption output;

        ListTokens(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().accountTokens(account), output.json, answer -> {
                List<AccountTokenView> tokens = answer.asListOf(AccountTokenView.class);
                if (tokens.isEmpty()) {
                    console.out().printf("Account %s has no API tokens.%n", account);
                    return;
                }
                Instant now = Instant.now();
                TextTable table = new TextTable("ID", "LABEL", "CREATED", "EXPIRES", "STATE");
                for (AccountTokenView token : tokens) {
                    table.row(token.id(), Display.firstLine(token.label(), 40), Display.time(token.createdAt()),
                            token.expiresAt() == null ? NEVER : Display.time(token.expiresAt()), state(token, now));
                }
                table.print(console.out());
            });
        }
    }

    /** {@code account token revoke NAME ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes an API token: it stops working at once.")
    static final class Revoke implements Runnable {
        private final AdminConsole console;

        @Parameters(index = "0", paramLabel = "NAME", description = "The account.")
        private String account;

        @Parameters(index = "1", paramLabel = "ID",
                description = "The token's id (see 'account token list'), or the whole token: only its id is sent.")
        private String id;

        @Mixin
        private JsonOption output;

        Revoke(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            String tokenId = EnrollmentCommand.tokenId(id);
            if (tokenId.isEmpty()) {
                throw new AdminUsageException("give the id of the token to revoke (see 'account token list NAME')");
            }
            console.show(console.api().get().revokeAccountToken(account, tokenId), output.json, answer -> console.out()
                    .printf("API token %s of account %s is revoked.%n", answer.as(AccountTokenView.class).id(), account));
        }
    }
}
