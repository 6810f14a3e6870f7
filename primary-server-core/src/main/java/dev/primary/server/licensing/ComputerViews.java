package dev.primary.server.licensing;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.UpdateView;
import dev.primary.protocol.message.VerifyIntervals;
import dev.primary.protocol.message.Version;
import dev.primary.server.computer.Computer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Manage Computers' rows: a computer's displayed state, its Recorder column, the sentence that
 * says why it stands where it does, and (from the {@link UpdateAdvisor}) its updates.
 */
final class ComputerViews {
    private final Duration waitingRetryAfter;
    private final Duration revokedRetryAfter;
    private final UpdateAdvisor advisor;

    ComputerViews(LicensingSettings settings, UpdateAdvisor advisor) {
        this.waitingRetryAfter = settings.waitingRetryAfter();
        this.revokedRetryAfter = settings.revokedRetryAfter();
        this.advisor = advisor;
    }

    /** Views of {@code computers}; the seat pool and places in line are read only for waiting ones. */
    List<ComputerView> views(LicensingReads reads, List<Computer> computers, Instant now) {
        PoolSize pool = computers.stream().anyMatch(c -> c.state() == ComputerState.WAITING)
                ? reads.poolSize(now) : null;
        Map<Long, Integer> places = pool == null ? Map.of() : reads.queuePositions(computers);
        List<ComputerView> views = new ArrayList<>(computers.size());
        for (Computer computer : computers) {
            int place = places.getOrDefault(computer.id(), 0);
            List<UpdateView> updates = computer.client().isPresent() ? advisor.updateViews(reads, computer) : List.of();
            views.add(view(computer, now, pool, place, updates));
        }
        return views;
    }

    ComputerView view(LicensingReads reads, Computer computer, Instant now) {
        return views(reads, List.of(computer), now).get(0);
    }

    private ComputerView view(Computer computer, Instant now, PoolSize pool, int queuePosition,
            List<UpdateView> updates) {
        ComputerState state = computer.displayedState(now);
        Version recorder = computer.licensedAt(now) ? computer.recorderVersion() : Version.NONE;
        return new ComputerView(computer.identity(), computer.clientId(), computer.os(), computer.clientVersion(),
                recorder, null, state, reason(computer, state, pool, queuePosition), computer.licenseSerial(),
                computer.firstSeen(), computer.lastContact(), nextExpectedContact(computer, state),
                computer.issuedLease().map(lease -> lease.expiresAt()).orElse(null), computer.profile().group(),
                updates, computer.profile().contentRevision());
    }

    private static String reason(Computer computer, ComputerState state, PoolSize pool, int queuePosition) {
        return switch (state) {
            case LICENSED -> computer.lease() == null
                    ? "seat granted under " + computer.licenseSerial() + "; the lease is issued at its next check-in"
                    : "licensed under " + computer.licenseSerial() + " until " + Wording.time(computer.lease().expiresAt());
            case EXPIRED -> "lease expired " + Wording.time(computer.lease().expiresAt()) + ": no check-in since "
                    + Wording.time(computer.lastContact() != null ? computer.lastContact() : computer.lease().issuedAt());
            case WAITING -> "waiting for a seat: " + Wording.waiting(pool, queuePosition, computer.stateReason());
            case RESERVED -> computer.stateReason() + (computer.clientId() == null
                    ? "; client not installed yet" : "; its client has not checked in since the reservation");
            default -> computer.stateReason();
        };
    }

    private Instant nextExpectedContact(Computer computer, ComputerState state) {
        if (computer.lastContact() == null) {
            return null;
        }
        return switch (state) {
            case WAITING -> computer.lastContact().plus(waitingRetryAfter);
            case REVOKED -> computer.lastContact().plus(revokedRetryAfter);
            case RESERVED -> null;
            default -> computer.lastContact().plusSeconds(
                    Math.min(computer.verifyIntervalSeconds(), VerifyIntervals.MAX_SECONDS));
        };
    }
}
