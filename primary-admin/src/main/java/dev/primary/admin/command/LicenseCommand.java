package dev.primary.admin.command;

import dev.primary.protocol.admin.LicenseDetail;
import dev.primary.protocol.admin.LicenseView;
import dev.primary.protocol.crypto.SignedDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code primary-admin license ...}: licenses from the vendor, their registration and their seats. */
@Command(name = "license", mixinStandardHelpOptions = true,
        description = "Imports, unlocks and shows licenses.")
public final class LicenseCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: import, unlock, list, show or code");
    }

    /** The {@code license} command group with its subcommands. */
    public static CommandLine group(AdminConsole console) {
        return new CommandLine(new LicenseCommand())
                .addSubcommand(new Import(console))
                .addSubcommand(new Unlock(console))
                .addSubcommand(new ListLicenses(console))
                .addSubcommand(new Show(console))
                .addSubcommand(new Code(console));
    }

    /** {@code license import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports a license file from the vendor; it stays pending until unlocked.",
                    "Prints the registration code to send to the vendor, who answers with an unlock file."})
    static final class Import implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "FILE", description = "The license file (.license) from the vendor.")
        private Path file;

        @Mixin
        private JsonOption output;

        Import(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            SignedDocument license = SignedDocumentFile.read(file, SignedDocument.LICENSE,
                    " (apply an unlock file with 'primary-admin license unlock FILE')");
            console.show(console.api().get().importLicense(license), output.json, answer -> {
                LicenseView view = answer.as(LicenseView.class);
                PrintWriter out = console.out();
                if (view.state() != LicenseView.State.PENDING_REGISTRATION) {
                    out.printf("License %s (%s, %d seats) is already %s.%n", view.serial(), view.customer(), view.seats(),
                            view.state().wireName());
                    return;
                }
                out.printf("Imported license %s (%s, %d seats): pending registration.%n", view.serial(), view.customer(),
                        view.seats());
                out.println("Registration code: " + view.registrationCode());
                out.println();
                out.println("Next: send the registration code to your vendor, who runs");
                out.println("  license-tool unlock --registration-code " + view.registrationCode() + " --license "
                        + file.getFileName() + " --vendor-key VENDOR_KEY --out " + view.serial() + ".unlock");
                out.println("then apply the unlock file they send back:");
                out.println("  primary-admin license unlock " + view.serial() + ".unlock");
            });
        }
    }

    /** {@code license unlock FILE}. */
    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Applies an unlock file from the vendor: activates the license's seats on this server.")
    static final class Unlock implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "FILE", description = "The unlock file (.unlock) from the vendor.")
        private Path file;

        @Mixin
        private JsonOption output;

        Unlock(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            SignedDocument unlock = SignedDocumentFile.read(file, SignedDocument.UNLOCK,
                    " (import a license file with 'primary-admin license import FILE')");
            console.show(console.api().get().unlock(unlock), output.json, answer -> {
                LicenseView view = answer.as(LicenseView.class);
                console.out().printf("License %s is %s: %d seats (%d used).%n", view.serial(), view.state().wireName(),
                        view.seats(), view.used());
            });
        }
    }

    /** {@code license list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the licenses known to this server.")
    static final class ListLicenses implements Runnable {
        private final AdminConsole console;

        @Mixin
        private JsonOption output;

        ListLicenses(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().licenses(), output.json, answer -> {
                List<LicenseView> licenses = answer.asListOf(LicenseView.class);
                if (licenses.isEmpty()) {
                    console.out().println("No licenses yet: import one with 'primary-admin license import FILE'.");
                    return;
                }
                TextTable table = new TextTable("SERIAL", "CUSTOMER", "SEATS", "USED", "STATE", "EXPIRES");
                for (LicenseView license : licenses) {
                    table.row(license.serial(), Display.text(license.customer()), String.valueOf(license.seats()),
                            String.valueOf(license.used()), license.state().wireName(), expiry(license));
                }
                table.print(console.out());
            });
        }
    }

    /** {@code license show SERIAL}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows one license and its seats: computer, state, last refresh.")
    static final class Show implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "SERIAL", description = "The license serial number.")
        private String serial;

        @Mixin
        private JsonOption output;

        Show(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().license(serial.strip()), output.json, answer -> {
                LicenseDetail detail = answer.as(LicenseDetail.class);
                LicenseView license = detail.license();
                PrintWriter out = console.out();
                Display.field(out, "Serial", license.serial());
                Display.field(out, "Customer", Display.text(license.customer()));
                Display.field(out, "State", license.state().wireName());
                Display.field(out, "Seats", license.seats() + " (" + license.used() + " used)");
                Display.field(out, "Registration code", Display.text(license.registrationCode()));
                Display.field(out, "Issued at", Display.time(license.issuedAt()));
                Display.field(out, "Expires", expiry(license));
                Display.field(out, "Features", Display.list(license.features()));
                Display.field(out, "Imported at", Display.time(license.importedAt()));
                out.println();
                if (detail.seats().isEmpty()) {
                    out.println("No seat of this license is held.");
                    return;
                }
                TextTable table = new TextTable("COMPUTER", "STATE", "LAST REFRESH");
                for (LicenseDetail.Seat seat : detail.seats()) {
                    table.row(seat.computer(), seat.state() == null ? "-" : seat.state().wireName(),
                            Display.time(seat.lastRefresh()));
                }
                table.print(out);
            });
        }
    }

    private static String expiry(LicenseView license) {
        return license.expiresAt() == null ? "never" : Display.time(license.expiresAt());
    }

    /** {@code license code SERIAL}: the registration code alone, for scripts. */
    @Command(name = "code", mixinStandardHelpOptions = true,
            description = {"Prints the registration code of a license, and nothing else.",
                    "For scripts: license-tool unlock --registration-code \"$(primary-admin ... license code SERIAL)\""})
    static final class Code implements Runnable {
        private final AdminConsole console;

        @Parameters(paramLabel = "SERIAL", description = "The license serial number.")
        private String serial;

        Code(AdminConsole console) {
            this.console = console;
        }

        @Override
        public void run() {
            console.show(console.api().get().license(serial.strip()), false,
                    answer -> console.out().println(answer.as(LicenseDetail.class).license().registrationCode()));
        }
    }
}
