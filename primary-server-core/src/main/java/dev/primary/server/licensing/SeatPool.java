package dev.primary.server.licensing;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.audit.AuditEvent;
import dev.primary.server.computer.Computer;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds which seat. Every change of seat goes through here, inside one store write, so the
 * seats-used counts stay exact and every grant is audited. Invariant: while a seat is free nobody
 * waits, because each freed seat goes at once to the computer that has waited longest.
 */
final class SeatPool {

    /** Gives {@code computer} a seat of {@code license}; the lease follows at its next contact. */
    Computer grant(LicensingWrites writes, Computer computer, License license, Instant now) {
        writes.changeSeatsUsed(license.serial(), 1);
        return computer.licensed(license.serial(), now);
    }

    /** Reserves a seat of {@code license} for a computer the server does not know yet. */
    Computer reserveNew(LicensingWrites writes, ComputerIdentity identity, License license, String reason,
            Instant now) {
        writes.changeSeatsUsed(license.serial(), 1);
        return writes.insertComputer(Computer.reservation(identity, license.serial(), reason, now));
    }

    /** Reserves a seat of {@code license} for a known computer without one (released, reclaimed). */
    Computer reserve(LicensingWrites writes, Computer computer, License license, String reason, Instant now) {
        writes.changeSeatsUsed(license.serial(), 1);
        return computer.reserved(license.serial(), reason, now);
    }

    /** Gives the seat of {@code computer} back to its license's pool (the caller sets its new state). */
    void giveBack(LicensingWrites writes, Computer computer) {
        if (computer.holdsSeat()) {
            writes.changeSeatsUsed(computer.licenseSerial(), -1);
        }
    }

    /**
     * Grants {@code computer} a free seat if nobody waits ahead of it, else queues it (or keeps its
     * place in the queue). {@code cause} says why it needs a seat, for the queue's reason.
     */
    Computer seatOrQueue(LicensingWrites writes, Computer computer, String cause, String actor, Instant now) {
        return seat(writes, computer, cause, actor, now).computer();
    }

    /**
     * As {@link #seatOrQueue}, with the license whose seat it granted (as read before the grant, its seats used one
     * lower), so that the caller can issue the lease without reading the license again.
     */
    Seating seat(LicensingWrites writes, Computer computer, String cause, String actor, Instant now) {
        boolean waiting = computer.state() == ComputerState.WAITING;
        Optional<Computer> first = writes.oldestWaiting();
        boolean someoneAhead = waiting ? first.map(head -> head.id() != computer.id()).orElse(false)
                : first.isPresent();
        if (!someoneAhead) {
            Optional<License> free = writes.licenseWithFreeSeat(now);
            if (free.isPresent()) {
                String detail = "seat of " + free.get().serial()
                        + (waiting ? " after waiting since " + Wording.time(computer.waitingSince()) : "");
                audit(writes, now, actor, AuditAction.SEAT_GRANTED, computer, detail);
                return new Seating(grant(writes, computer, free.get(), now), free);
            }
        }
        if (waiting) {
            return new Seating(computer, Optional.empty());
        }
        audit(writes, now, actor, AuditAction.SEAT_WAITING, computer,
                cause.isEmpty() ? "no seat free; queued" : cause + "; queued");
        return new Seating(computer.waiting(cause, now), Optional.empty());
    }

    /** A computer after {@link #seat}: licensed with a seat of {@code license}, or waiting (no license). */
    record Seating(Computer computer, Optional<License> license) {}

    /**
     * A computer whose seat belongs to a license that no longer counts (expired, removed): moves the
     * seat to an active license with a free seat, or queues the computer.
     */
    Computer moveOrQueue(LicensingWrites writes, Computer computer, Optional<License> license, String actor,
            Instant now) {
        String serial = computer.licenseSerial();
        String cause = license.map(known -> known.expiredAt(now)
                        ? "its license " + serial + " expired " + Wording.time(known.expiresAt())
                        : "its license " + serial + " is not unlocked")
                .orElse("its license " + serial + " is no longer known");
        giveBack(writes, computer);
        Optional<License> free = writes.licenseWithFreeSeat(now);
        if (free.isPresent() && writes.oldestWaiting().isEmpty()) {
            audit(writes, now, actor, AuditAction.SEAT_MOVED, computer, cause + "; seat moved to " + free.get().serial());
            return grant(writes, computer, free.get(), now);
        }
        audit(writes, now, actor, AuditAction.SEAT_WAITING, computer, cause + "; queued");
        return computer.waiting(cause, now);
    }

    /** Grants free seats to the computers that have waited longest; returns how many got one. */
    int grantToWaiting(LicensingWrites writes, String actor, Instant now) {
        int granted = 0;
        while (true) {
            Optional<License> free = writes.licenseWithFreeSeat(now);
            Optional<Computer> next = free.isPresent() ? writes.oldestWaiting() : Optional.empty();
            if (next.isEmpty()) {
                return granted;
            }
            Computer waiting = next.get();
            audit(writes, now, actor, AuditAction.SEAT_GRANTED, waiting, "seat of " + free.get().serial()
                    + " freed up after waiting since " + Wording.time(waiting.waitingSince()));
            writes.updateComputer(grant(writes, waiting, free.get(), now));
            granted++;
        }
    }

    /** Inserts or updates {@code computer}; returns it as saved (with its id). */
    Computer save(LicensingWrites writes, Computer computer) {
        if (computer.saved()) {
            writes.updateComputer(computer);
            return computer;
        }
        return writes.insertComputer(computer);
    }

    static void audit(LicensingWrites writes, Instant now, String actor, AuditAction action, Computer computer,
            String detail) {
        writes.audit(new AuditEvent(now, actor, action, computer.identity().display(), detail));
    }
}
