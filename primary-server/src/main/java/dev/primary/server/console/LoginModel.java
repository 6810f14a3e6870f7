package dev.primary.server.console;

/**
 * The login page.
 *
 * @param csrf the login form's CSRF token
 * @param name the name typed last, shown again after a refusal
 * @param error why the last login was refused; empty for none
 */
public record LoginModel(String csrf, String name, String error) {
}
