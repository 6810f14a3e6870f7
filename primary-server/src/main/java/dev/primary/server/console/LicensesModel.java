package dev.primary.server.console;

import dev.primary.protocol.admin.LicenseSummary;
import java.util.List;

/**
 * The License Summary: the totals, each license with its seats, and whether the signed-in role may import.
 *
 * @param administrator whether the role may import licenses and unlock files
 */
public record LicensesModel(ConsoleFrame frame, LicenseSummary total, List<LicenseRow> licenses,
        boolean administrator) {
    public LicensesModel {
        licenses = List.copyOf(licenses);
    }
}
