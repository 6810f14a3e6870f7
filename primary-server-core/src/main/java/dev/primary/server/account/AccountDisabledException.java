package dev.primary.server.account;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** A change that a disabled account cannot take (a new token, a new password, a new role). */
public final class AccountDisabledException extends PrimaryException {
    public AccountDisabledException(String name) {
        super(ProblemType.CONFLICT, "account \"" + name + "\" is disabled");
    }
}
