package dev.primary.client.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Why a client is in its state, as the sentence shown in {@code status} and reported to the server:
 * "waiting for a seat: all 5 seats are in use (2nd in line)", "cannot reach primary.corp:16770 since …:
 * connection refused", "licensed until …".
 *
 * @param state the client's state
 * @param server the server's {@code host:port}
 * @param serverReason the reason the server gave for waiting, revocation or a refused registration; empty otherwise
 * @param queuePosition the place in line while waiting; 0 when unknown
 * @param leaseExpiresAt when the lease expires (or expired); {@code null} when there is none
 * @param degradedAfter the configured time without contact after which the client is degraded
 * @param contactProblem why the last contact failed; {@code null} when it succeeded
 * @param clockNote the note about a clock set back; {@code null} when it is not
 * @param stopped whether the Client Service has stopped
 */
record StatusReason(ClientState state, String server, String serverReason, int queuePosition, Instant leaseExpiresAt,
        Duration degradedAfter, String contactProblem, String clockNote, boolean stopped) {

    String text() {
        StringBuilder reason = new StringBuilder(base());
        if (contactProblem != null && state != ClientState.UNLICENSED && state != ClientState.REFUSED) {
            reason.append("; ").append(contactProblem);
        }
        if (clockNote != null) {
            reason.append("; ").append(clockNote);
        }
        if (stopped) {
            reason.append("; the Client Service is stopped");
        }
        return reason.toString();
    }

    private String base() {
        return switch (state) {
            case UNLICENSED -> contactProblem != null ? contactProblem : "registering with " + server;
            case WAITING -> "waiting for a seat: " + serverReason
                    + (queuePosition > 0 ? " (" + Phrases.ordinal(queuePosition) + " in line)" : "");
            case LICENSED -> "licensed until " + Phrases.time(leaseExpiresAt);
            case DEGRADED -> "degraded: no contact with the server for more than " + Phrases.duration(degradedAfter)
                    + ", still recording while the lease is valid (until " + Phrases.time(leaseExpiresAt) + ")";
            case EXPIRED -> "lease expired at " + Phrases.time(leaseExpiresAt) + ", the Recorder is stopped";
            case REVOKED -> "revoked by the administrator" + (serverReason.isBlank() ? "" : ": " + serverReason)
                    + ", the Recorder is stopped";
            case REFUSED -> "refused by " + server + ": " + serverReason;
        };
    }
}
