package dev.primary.server.config;

/**
 * The per-source-address limit on registrations and enrollment-token checks (a token bucket per address).
 *
 * @param perSecond requests per second once the burst is spent
 * @param burst requests at once
 */
public record RegistrationLimit(int perSecond, int burst) {
    /** The limit every test and benchmark that registers many clients from one address raises. */
    public static final RegistrationLimit DEFAULT = new RegistrationLimit(
            Integer.parseInt(Setting.Defaults.REGISTRATION_RATE), Integer.parseInt(Setting.Defaults.REGISTRATION_BURST));
    /** Addresses tracked at most (about 100 bytes each); see {@code SourceRateLimit}. */
    public static final int MAX_SOURCES = 100_000;

    public RegistrationLimit {
        if (perSecond < 1) {
            throw new InvalidConfigurationException(Setting.REGISTRATION_RATE.key() + " must be at least 1, got "
                    + perSecond);
        }
        if (burst < 1) {
            throw new InvalidConfigurationException(Setting.REGISTRATION_BURST.key() + " must be at least 1, got "
                    + burst);
        }
    }
}
