package dev.primary.server.console;

/**
 * The create form of the enrollment tokens page as typed.
 *
 * @param label what the administrator calls the token
 * @param uses how many computers it may enroll; empty or 0 for no limit
 * @param expiresInDays how many days it stays valid; 0 for never
 * @param group the rollout group it gives the computers it enrolls; empty for none
 */
public record EnrollmentTokenForm(String label, String uses, String expiresInDays, String group) {
    /** The form's defaults: unlimited uses and, as {@code primary-admin enrollment create}, 30 days. */
    public static final EnrollmentTokenForm DEFAULTS = new EnrollmentTokenForm("", "", "30", "");
}
