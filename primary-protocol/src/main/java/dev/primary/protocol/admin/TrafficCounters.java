package dev.primary.protocol.admin;

/**
 * What the client port has answered since the server started, for {@code GET /admin/v1/counters}:
 * the figures an operator (or the fleet simulator) compares with what clients saw.
 *
 * @param registrations register requests answered 200 (licensed, waiting or revoked)
 * @param verifications verify requests answered 200
 * @param reports report requests answered 204
 * @param packageDownloads package downloads answered 200 or 206
 * @param busyRefusals requests refused with 503 and {@code Retry-After} (server busy)
 * @param problemAnswers other problem answers (4xx and 5xx)
 * @param rateLimited requests refused with 429 and {@code Retry-After} (over a per-source limit)
 * @param refusedConnections connections closed as soon as they were accepted, over {@code max-connections} or
 *     {@code max-connections-per-source}
 * @param timedOutRequests connections closed because a request's head or body did not arrive in time (408 where
 *     an answer could still be written)
 */
public record TrafficCounters(long registrations, long verifications, long reports, long packageDownloads,
        long busyRefusals, long problemAnswers, long rateLimited, long refusedConnections, long timedOutRequests) {
    public TrafficCounters(long registrations, long verifications, long reports, long packageDownloads,
            long busyRefusals, long problemAnswers, long rateLimited) {
        this(registrations, verifications, reports, packageDownloads, busyRefusals, problemAnswers, rateLimited, 0, 0);
    }

    public TrafficCounters(long registrations, long verifications, long reports, long packageDownloads,
            long busyRefusals, long problemAnswers) {
        this(registrations, verifications, reports, packageDownloads, busyRefusals, problemAnswers, 0);
    }
}
