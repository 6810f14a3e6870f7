package dev.primary.server.http;

import dev.primary.server.account.Caller;

/**
 * A signed-in browser: its login token (from the {@code primary_session} cookie), the account it proves, read anew
 * at every request so that a disabled account or revoked token stops at once, and the CSRF token of its forms.
 */
record ConsoleSession(String token, Caller caller, String csrf) {
    @Override
    public String toString() {
        return "ConsoleSession[caller=" + caller + "]";
    }
}
