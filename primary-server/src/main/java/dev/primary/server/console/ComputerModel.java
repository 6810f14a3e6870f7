package dev.primary.server.console;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ComputerView;
import java.util.List;

/**
 * One computer's page.
 *
 * @param frame the page's frame
 * @param computer the computer
 * @param audit the newest audit entries about it, newest first
 * @param confirmRevoke whether the page asks to confirm a revocation
 * @param operator whether the signed-in role may act on computers (the actions are refused otherwise)
 */
public record ComputerModel(ConsoleFrame frame, ComputerView computer, List<AuditEntry> audit, boolean confirmRevoke,
        boolean operator) {
    public ComputerModel {
        audit = List.copyOf(audit);
    }

    /** The name actions take: {@code DOMAIN\NAME} (plus {@code \USER}). */
    public String name() {
        return computer.computer().display();
    }
}
