package dev.primary.protocol.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One license known to this server.
 *
 * @param serial the license serial number
 * @param customer who it is licensed to
 * @param seats seats it grants
 * @param used seats of it held by computers
 * @param state {@code pending-registration} until unlocked, then {@code active}, or {@code expired}
 * @param registrationCode the code to send to the vendor to obtain an unlock
 * @param issuedAt when the vendor issued it
 * @param expiresAt when it ends; absent for a perpetual license
 * @param features the features it enables
 * @param importedAt when it was imported here
 */
public record LicenseView(String serial, String customer, int seats, int used, State state, String registrationCode,
        Instant issuedAt, Instant expiresAt, List<String> features, Instant importedAt) {
    public LicenseView {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(state, "state");
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** A license's life cycle on this server. */
    public enum State {
        PENDING_REGISTRATION, ACTIVE, EXPIRED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static State fromWire(String name) {
            for (State state : values()) {
                if (state.wireName().equals(name)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("unknown license state \"" + name + "\"");
        }
    }
}
