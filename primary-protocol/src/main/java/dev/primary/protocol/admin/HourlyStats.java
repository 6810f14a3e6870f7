package dev.primary.protocol.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * One hour of the server's statistics (docs/admin-api.md, "Statistics"). The counts are added by every server of a
 * fleet; the seats are a sample taken once in the hour.
 *
 * @param hour the hour's start (UTC)
 * @param checkIns check-ins ({@code verify}) answered in the hour
 * @param registrations registrations ({@code register}) answered in the hour
 * @param reports reports ({@code report}) accepted in the hour
 * @param seats the seat sample of the hour; absent when none was taken (the server was down all hour, or it is the
 *     current hour before its sample)
 */
public record HourlyStats(Instant hour, long checkIns, long registrations, long reports, SeatSample seats) {
    public HourlyStats {
        Objects.requireNonNull(hour, "hour");
    }

    /**
     * Where the seats stood when the hour was sampled.
     *
     * @param at when the sample was taken
     * @param licenses active licenses (unlocked, not expired)
     * @param seats seats those licenses grant
     * @param used seats held (licensed, lease expired but not reclaimed, reserved)
     * @param active computers holding a seat with a lease valid then
     * @param reserved seats reserved by an administrator, not yet claimed
     * @param waiting computers queued for a seat
     */
    public record SeatSample(Instant at, int licenses, int seats, int used, int active, int reserved, int waiting) {
        public SeatSample {
            Objects.requireNonNull(at, "at");
        }
    }
}
