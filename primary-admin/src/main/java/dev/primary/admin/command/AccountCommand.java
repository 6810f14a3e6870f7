package dev.primary.admin.command;

import dev.primary.admin.AdminUsageException;
import dev.primary.protocol.admin.AccountPassword;
import dev.primary.protocol.admin.AccountRequest;
import dev.primary.protocol.admin.AccountRole;
import dev.primary.protocol.admin.AccountRoleChange;
import dev.primary.protocol.admin.AccountView;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code primary-admin account ...}: named accounts of the admin API, their roles, passwords and API tokens. */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = {"Creates, lists and changes the accounts of the admin API, and their API tokens.",
                "Roles: viewer (reads), operator (also acts on computers and rollouts), administrator (also licenses, "
                        + "accounts, enrollment tokens, releases, content, packages, log level). Needs the "
                        + "administrator role, or the host's own token (--data-dir on the server's host), which acts "
                        + "as host-admin: that is how the first administrator is made.",
                "Passwords are never taken from the command line: asked on the terminal (no echo), or read as the "
                        + "first line of standard input."})
public final class AccountCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: create, list, disable, role, password or token");
    }

    /** The {@code account} command group with its subcommands. */
    public static CommandLine group(AdminConsole console, PasswordInput passwords) {
        return new CommandLine(new AccountCommand())
                .addSubcommand(new Create(console, passwords))
                .addSubcommand(new ListAccounts(console))
                .addSubcommand(new Disable(console))
                .addSubcommand(new Role(console))
                .addSubcommand(new Password(console, passwords))
                .addSubcommand(AccountTokenCommand.group(console));
    }

    static AccountRole role(String text) {
        return AdminUsageException.validated(() -> AccountRole.fromWire(text.strip()));
    }

    static String state(AccountView account) {
        return account.disabled() ? "disabled " + Display.time(account.disabledAt()) : "active";
    }

    /** {@code account create NAME --role ROLE}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates an account; its password is asked for (or read from standard input).",
                    "Then give it an API token for scripts: 'account token create NAME'."})
    static final class Create implements Runnable {
        private final AdminConsole console;
        private final PasswordInput passwords;

        @Parameters(paramLabel = "NAME", description = "1-64 lower-case letters, digits, '.', '_' or '-'.")
        private String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "viewer, operator or administrator.")
        private String role;

        @Mixin
        private JsonOption output;

        Create(AdminConsole console, PasswordInput passwords) {
            this.console = console;
            this.passwords = passwords;
        }

        @Override
        public void run() {
            AccountRole chosen = role(role);
            AdminUsageException.validated(() -> new AccountRequest(name, chosen, "x".repeat(AccountPassword.MIN_LENGTH)));
            String password = passwords.read(name);
            AccountRequest request = AdminUsageException.validated(() -> new AccountRequest(name, chosen, password));
            console.show(console.api().get().createAccount(request), output.json, answer -> {
                AccountView account = answer.as(AccountView.class);
                console.out().printf("Created account %s with the role %s.%n", account.name(),
                        account.role().wireName());
            });
        }
    }

    /** {@code account list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts, by name.")
    static final class ListAccounts implements Runnable {
        private final AdminConsole console;

        @Mixin
        private JsonOption output;

        ListAccounts(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().accounts(), output.json, answer -> {
                List<AccountView> accounts = answer.asListOf(AccountView.class);
                if (accounts.isEmpty()) {
                    console.out().println("No accounts yet: create one with 'primary-admin account create NAME --role "
                            + "administrator'.");
                    return;
                }
                TextTable table = new TextTable("NAME", "ROLE", "CREATED", "BY", "STATE");
                for (AccountView account : accounts) {
                    table.row(account.name(), account.role().wireName(), Display.time(account.createdAt()),
                            Display.text(account.createdBy()), state(account));
                }
                table.print(console.out());
            });
        }
    }

    /** {@code account disable NAME}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = {"Disables an account: it and all its API tokens stop working at once.",
                    "Its name is not reused; its audit entries stay."})
    static final class Disable implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "NAME", description = "The account.")
        private String name;

        @Mixin
        private JsonOption output;

        Disable(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().disableAccount(name), output.json, answer -> console.out().printf(
                    "Account %s is disabled; its tokens no longer work.%n", answer.as(AccountView.class).name()));
        }
    }

    /** {@code account role NAME ROLE}. */
    @Command(name = "role", mixinStandardHelpOptions = true,
            description = "Gives an account another role; its tokens act with the new role from their next request.")
    static final class Role implements Runnable {
        private final AdminConsole console;

        @Parameters(index = "0", paramLabel = "NAME", description = "The account.")
        private String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, operator or administrator.")
        private String role;

        @Mixin
        private JsonOption output;

        Role(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            AccountRoleChange change = new AccountRoleChange(role(role));
            console.show(console.api().get().changeAccountRole(name, change), output.json, answer -> {
                AccountView account = answer.as(AccountView.class);
                console.out().printf("Account %s now has the role %s.%n", account.name(), account.role().wireName());
            });
        }
    }

    /** {@code account password NAME}. */
    @Command(name = "password", mixinStandardHelpOptions = true,
            description = {"Sets an account's password: asked for on the terminal, or the first line of standard input.",
                    "Its API tokens keep working (revoke them with 'account token revoke')."})
    static final class Password implements Runnable {
        private final AdminConsole console;
        private final PasswordInput passwords;

        @Parameters(paramLabel = "NAME", description = "The account.")
        private String name;

        @Mixin
        private JsonOption output;

        Password(AdminConsole console, PasswordInput passwords) {
            this.console = console;
            this.passwords = passwords;
        }

        @Override
        public void run() {
            String password = passwords.read(name);
            AccountPassword change = AdminUsageException.validated(() -> new AccountPassword(password));
            console.show(console.api().get().changeAccountPassword(name, change), output.json, answer -> console.out()
                    .printf("The password of account %s is changed.%n", answer.as(AccountView.class).name()));
        }
    }
}
