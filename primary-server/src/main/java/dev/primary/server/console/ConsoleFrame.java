package dev.primary.server.console;

/**
 * What every page of the console shows around its content.
 *
 * @param title the page's title
 * @param section the navigation entry it belongs to ({@code computers}, {@code licenses})
 * @param account the signed-in account's name
 * @param role the account's role ({@code viewer}, {@code operator}, {@code administrator})
 * @param csrf the session's CSRF token, for the page's forms
 * @param notice what the last action did; empty for none
 * @param error why the last action was refused; empty for none
 */
public record ConsoleFrame(String title, String section, String account, String role, String csrf, String notice,
        String error) {
    public ConsoleFrame withNotice(String value) {
        return new ConsoleFrame(title, section, account, role, csrf, value, error);
    }

    public ConsoleFrame withError(String value) {
        return new ConsoleFrame(title, section, account, role, csrf, notice, value);
    }
}
