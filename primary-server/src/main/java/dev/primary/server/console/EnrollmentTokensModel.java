package dev.primary.server.console;

import dev.primary.protocol.admin.EnrollmentTokenView;
import java.util.List;

/**
 * The enrollment tokens page: every token, newest first (never a secret), the revocation it asks to confirm, and
 * whether the signed-in role may create and revoke.
 *
 * @param tokens the tokens, newest first
 * @param confirmRevoke the id of the token whose revocation the page asks to confirm; empty for none
 * @param administrator whether the role may create and revoke tokens (they are refused otherwise)
 * @param form what the create form shows (the last values typed after a refusal, else the defaults)
 */
public record EnrollmentTokensModel(ConsoleFrame frame, List<EnrollmentTokenView> tokens, String confirmRevoke,
        boolean administrator, EnrollmentTokenForm form) {
    public EnrollmentTokensModel {
        tokens = List.copyOf(tokens);
    }

    /** {@code 12 of 50}, {@code unlimited}: how many more computers a token may enroll. */
    public static String usesLeft(EnrollmentTokenView token) {
        return token.usesLeft() == null ? "unlimited" : token.usesLeft() + " of " + token.uses();
    }

    /** The token's expiry, or {@code never}. */
    public static String expires(EnrollmentTokenView token) {
        return token.expiresAt() == null ? "never" : ConsoleText.when(token.expiresAt());
    }
}
