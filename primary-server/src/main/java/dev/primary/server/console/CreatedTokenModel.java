package dev.primary.server.console;

import dev.primary.protocol.admin.CreatedEnrollmentToken;

/**
 * The answer page of a token's creation: the only page that ever shows its secret.
 *
 * @param created the token and what it allows
 */
public record CreatedTokenModel(ConsoleFrame frame, CreatedEnrollmentToken created) {
    @Override
    public String toString() {
        return "CreatedTokenModel[" + created.view().id() + "]";
    }
}
