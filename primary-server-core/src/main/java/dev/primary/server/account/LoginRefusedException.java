package dev.primary.server.account;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A login with a wrong name or password, or of a disabled account (not told which). */
public final class LoginRefusedException extends PrimaryException {
    public LoginRefusedException() {
        super(ProblemType.UNAUTHENTICATED, "the account name or password is wrong, or the account is disabled");
    }
}
