package dev.primary.server.nudge;

import java.util.Objects;

/**
 * Whether a nudge reached its computer, as {@code POST /admin/v1/computers/update-now} answers it.
 *
 * @param nudged true when the nudge was delivered
 * @param detail what happened, in words an administrator can act on
 */
public record NudgeResult(boolean nudged, String detail) {
    public NudgeResult {
        Objects.requireNonNull(detail, "detail");
    }
}
