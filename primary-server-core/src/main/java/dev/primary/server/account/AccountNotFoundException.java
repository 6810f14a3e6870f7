package dev.primary.server.account;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** No account has this name. */
public final class AccountNotFoundException extends PrimaryException {
    public AccountNotFoundException(String name) {
        super(ProblemType.NOT_FOUND, "no account is named \"" + name + "\"; 'primary-admin account list' shows them");
    }
}
