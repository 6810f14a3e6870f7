package dev.primary.server.account;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** The account has no token of this id. */
public final class AccountTokenNotFoundException extends PrimaryException {
    public AccountTokenNotFoundException(String account, String id) {
        super(ProblemType.NOT_FOUND, "account \"" + account + "\" has no token with the id \"" + id
                + "\"; 'primary-admin account token list " + account + "' shows them");
    }
}
