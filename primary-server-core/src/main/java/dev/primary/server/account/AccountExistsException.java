package dev.primary.server.account;

import dev.primary.protocol.message.ProblemType;
import dev.primary.server.PrimaryException;

/** An account of this name exists already (disabled ones included: names are never reused). */
public final class AccountExistsException extends PrimaryException {
    public AccountExistsException(String name) {
        super(ProblemType.CONFLICT, "an account named \"" + name + "\" exists already (names of disabled accounts"
                + " are not reused)");
    }
}
