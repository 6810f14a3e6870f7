package dev.primary.protocol.admin;

import java.util.Objects;

/**
 * Where registrations come from, for {@code GET /admin/v1/enrollment/sources}: a flood of fake registrations
 * shows as one address with many enrolled computers or many refusals.
 *
 * @param address the source IP address
 * @param enrolled computers first registered from it (kept in the store)
 * @param limited registration and token-check requests from it refused with 429 since the server started
 */
public record EnrollmentSource(String address, long enrolled, long limited) {
    public EnrollmentSource {
        Objects.requireNonNull(address, "address");
    }
}
