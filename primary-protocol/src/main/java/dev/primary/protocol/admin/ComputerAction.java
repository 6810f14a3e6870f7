package dev.primary.protocol.admin;

/**
 * The body of admin actions on one computer ({@code reserve}, {@code release}, {@code revoke},
 * {@code reinstate}, {@code verify-license}).
 *
 * @param computer {@code NAME}, {@code DOMAIN\NAME} or {@code DOMAIN\NAME\USER}
 * @param reason why (recorded in the audit trail; shown to the client on revoke); may be empty
 * @param withToken on {@code revoke}: also revoke the enrollment token that enrolled the computer (absent = false)
 */
public record ComputerAction(String computer, String reason, Boolean withToken) {
    public ComputerAction(String computer, String reason) {
        this(computer, reason, false);
    }

    public ComputerAction {
        withToken = withToken != null && withToken;
        if (computer == null || computer.isBlank()) {
            throw new IllegalArgumentException("computer is required");
        }
        reason = reason == null ? "" : reason;
        if (reason.length() > 500) {
            throw new IllegalArgumentException("reason is longer than 500 characters");
        }
    }
}
