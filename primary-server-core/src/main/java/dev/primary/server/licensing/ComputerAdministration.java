package dev.primary.server.licensing;

import dev.primary.protocol.admin.ComputerRemoval;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.ReclaimResult;
import dev.primary.protocol.admin.RemovalResult;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.ComputerStateConflictException;
import dev.primary.server.enrollment.ComputerEnrollment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an administrator does to computers: reserve, release, revoke, reinstate, rekey, re-check, remove in bulk,
 * and the background work of reclaiming silent seats and expiring silent waiting entries and conflicts.
 */
final class ComputerAdministration {
    private static final int RECLAIM_BATCH = 500;

    private final LicensingStore store;
    private final SeatPool pool;
    private final ComputerViews views;
    private final Clock clock;
    private final Duration reclaimAfter;
    private final Duration waitingExpiry;

    ComputerAdministration(LicensingStore store, SeatPool pool, ComputerViews views, Clock clock,
            Duration reclaimAfter, Duration waitingExpiry) {
        this.store = store;
        this.pool = pool;
        this.views = views;
        this.clock = clock;
        this.reclaimAfter = reclaimAfter;
        this.waitingExpiry = waitingExpiry;
    }

    ComputerView reserve(String name, String reason, String actor) {
        ComputerIdentity identity = ComputerLookup.parse(name);
        return store.write(writes -> {
            Instant now = clock.instant();
            Optional<Computer> known = ComputerLookup.findIfKnown(writes, name);
            Computer reserved = known.isPresent()
                    ? reserveKnown(writes, known.get(), reason, actor, now)
                    : reserveNew(writes, identity, reason, actor, now);
            return views.view(writes, reserved, now);
        });
    }

    private Computer reserveNew(LicensingWrites writes, ComputerIdentity identity, String reason, String actor,
            Instant now) {
        License license = freeSeat(writes, now);
        String sentence = Wording.byActor("seat of " + license.serial() + " reserved", actor, reason);
        Computer reserved = pool.reserveNew(writes, identity, license, sentence, now);
        SeatPool.audit(writes, now, actor, AuditAction.SEAT_RESERVED, reserved, sentence);
        return reserved;
    }

    private Computer reserveKnown(LicensingWrites writes, Computer known, String reason, String actor,
            Instant now) {
        String name = known.identity().display();
        if (known.holdsSeat()) {
            throw new ComputerStateConflictException(name + " already holds a seat of " + known.licenseSerial()
                    + " (" + known.displayedState(now).wireName() + "); nothing to reserve");
        }
        if (known.state() == ComputerState.REVOKED) {
            throw new ComputerStateConflictException(name + " is revoked; reinstate it before reserving a seat for it");
        }
        License license = freeSeat(writes, now);
        String sentence = Wording.byActor("seat of " + license.serial() + " reserved", actor, reason);
        Computer reserved = known.state() == ComputerState.WAITING
                ? pool.grant(writes, known, license, now)
                : pool.reserve(writes, known, license, sentence, now);
        writes.updateComputer(reserved);
        SeatPool.audit(writes, now, actor, AuditAction.SEAT_RESERVED, reserved,
                known.state() == ComputerState.WAITING ? sentence + "; granted ahead of the queue" : sentence);
        return reserved;
    }

    private static License freeSeat(LicensingWrites writes, Instant now) {
        return writes.licenseWithFreeSeat(now).orElseThrow(() -> new NoFreeSeatException(
                "no seat is free: " + Wording.seatPool(writes.poolSize(now))));
    }

    ComputerView release(String name, String reason, String actor) {
        return store.write(writes -> {
            Instant now = clock.instant();
            Computer known = ComputerLookup.find(writes, name);
            if (!known.holdsSeat() && known.state() != ComputerState.WAITING) {
                throw new ComputerStateConflictException(known.identity().display() + " holds no seat ("
                        + known.state().wireName() + "); nothing to release");
            }
            String what = known.state() == ComputerState.WAITING ? "removed from the queue for a seat" : "seat released";
            String sentence = Wording.byActor(what, actor, reason);
            pool.giveBack(writes, known);
            Computer released = known.withoutSeat(ComputerState.RELEASED, sentence, now);
            if (known.clientId() == null) {
                writes.deleteComputer(known.id());
                sentence = Wording.byActor("reservation of " + known.licenseSerial() + " cancelled", actor, reason);
            } else {
                writes.updateComputer(released);
            }
            SeatPool.audit(writes, now, actor, AuditAction.SEAT_RELEASED, known, sentence);
            pool.grantToWaiting(writes, actor, now);
            return views.view(writes, released, now);
        });
    }

    /**
     * Revokes a computer and the client key that speaks for it: the key then gets no seat under any name until
     * the computer is reinstated. With {@code withToken}, also the enrollment token that enrolled it.
     */
    ComputerView revoke(String name, String reason, boolean withToken, String actor) {
        return store.write(writes -> {
            Instant now = clock.instant();
            Computer known = ComputerLookup.find(writes, name);
            if (known.state() == ComputerState.REVOKED) {
                throw new ComputerStateConflictException(known.identity().display() + " is already revoked");
            }
            String sentence = Wording.byActor("revoked", actor, reason);
            pool.giveBack(writes, known);
            Computer revoked = known.withoutSeat(ComputerState.REVOKED, sentence, now);
            writes.updateComputer(revoked);
            known.client().ifPresent(clientId -> writes.setClientRevocation(clientId, sentence));
            if (withToken) {
                String tokenId = writes.enrollmentOf(known.id()).map(ComputerEnrollment::tokenId).orElse("");
                if (tokenId.isEmpty()) {
                    throw new ComputerStateConflictException(known.identity().display()
                            + " was not enrolled with an enrollment token; revoke it without --with-token");
                }
                Enrollments.revokeWith(writes, tokenId, actor, known.identity().display(), now);
            }
            SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_REVOKED, known, sentence
                    + (known.client().isPresent() ? "; key of client " + known.clientId() + " revoked" : "")
                    + (known.holdsSeat() ? "; seat of " + known.licenseSerial() + " freed" : ""));
            pool.grantToWaiting(writes, actor, now);
            return views.view(writes, revoked, now);
        });
    }

    ComputerView reinstate(String name, String reason, String actor) {
        return store.write(writes -> {
            Instant now = clock.instant();
            Computer known = ComputerLookup.find(writes, name);
            if (known.state() != ComputerState.REVOKED) {
                throw new ComputerStateConflictException(known.identity().display() + " is not revoked (it is "
                        + known.displayedState(now).wireName() + "); nothing to reinstate");
            }
            String sentence = Wording.byActor("reinstated", actor, reason);
            Computer reinstated = known.withoutSeat(ComputerState.RELEASED,
                    sentence + "; it registers anew at its next contact", now);
            writes.updateComputer(reinstated);
            known.client().ifPresent(clientId -> writes.setClientRevocation(clientId, ""));
            SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_REINSTATED, known, sentence);
            return views.view(writes, reinstated, now);
        });
    }

    /** Re-checks a computer against the licenses: moves a seat off a license that stopped counting, grants a waiting one a free seat. */
    ComputerView verifyLicense(String name, String actor) {
        return store.write(writes -> {
            Instant now = clock.instant();
            Computer known = ComputerLookup.find(writes, name);
            Computer checked = known;
            if (known.holdsSeat()) {
                Optional<License> license = writes.license(known.licenseSerial());
                if (license.isEmpty() || !license.get().activeAt(now)) {
                    checked = pool.moveOrQueue(writes, known, license, actor, now);
                }
            } else if (known.state() == ComputerState.WAITING) {
                checked = pool.seatOrQueue(writes, known, known.stateReason(), actor, now);
            }
            if (!checked.equals(known)) {
                writes.updateComputer(checked);
            }
            return views.view(writes, checked, now);
        });
    }

    /**
     * Lets the next registration of {@code name} by a new client key take it over, once (a re-imaged or replaced
     * computer); until then its holder keeps it. Computers without a client or revoked ones cannot be rekeyed.
     */
    ComputerView rekey(String name, String reason, String actor) {
        return store.write(writes -> {
            Instant now = clock.instant();
            Computer known = ComputerLookup.find(writes, name);
            if (known.clientId() == null) {
                throw new ComputerStateConflictException(known.identity().display()
                        + " has no client yet; its first client takes it without a rekey");
            }
            if (known.state() == ComputerState.REVOKED) {
                throw new ComputerStateConflictException(known.identity().display()
                        + " is revoked; reinstate it before letting a new key take it over");
            }
            ComputerEnrollment enrollment = writes.enrollmentOf(known.id()).orElse(ComputerEnrollment.NONE);
            writes.saveEnrollment(known.id(), enrollment.withRekeyAllowed(true));
            SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_REKEY_ALLOWED, known, Wording.byActor(
                    "the next registration by a new client key takes it over from client " + known.clientId(),
                    actor, reason));
            return views.view(writes, known, now);
        });
    }

    /** Removes waiting or conflict computers at once (a flood), in batches, each one audited. */
    RemovalResult remove(ComputerRemoval removal, String actor) {
        Duration silence = Duration.ofSeconds(removal.silentForSeconds());
        String why = "removed" + (silence.isZero() ? "" : " after " + Wording.duration(silence) + " without contact")
                + (removal.token().isEmpty() ? "" : "; enrolled with enrollment token " + removal.token());
        int removed = 0;
        while (true) {
            int batch = store.write(writes -> {
                Instant now = clock.instant();
                Instant cutoff = silence.isZero() ? Instant.ofEpochMilli(Long.MAX_VALUE) : now.minus(silence);
                List<Computer> found = writes.silentIn(removal.state(), cutoff, removal.token(), RECLAIM_BATCH);
                for (Computer computer : found) {
                    writes.deleteComputer(computer.id());
                    SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_REMOVED, computer,
                            Wording.byActor(computer.state().wireName() + " computer " + why, actor, ""));
                }
                return found.size();
            });
            removed += batch;
            if (batch < RECLAIM_BATCH) {
                return new RemovalResult(removed);
            }
        }
    }

    /**
     * Waiting computers that stopped asking leave the queue (they are released and register anew if they
     * return); conflicts whose claimant stopped asking are removed. Returns how many of each left.
     */
    int expireSilent(String actor) {
        int expired = 0;
        while (true) {
            int batch = store.write(writes -> {
                Instant now = clock.instant();
                Instant cutoff = now.minus(waitingExpiry);
                String sentence = "left the queue after " + Wording.duration(waitingExpiry)
                        + " without contact (waiting clients ask every minute)";
                List<Computer> waiting = writes.silentIn(ComputerState.WAITING, cutoff, "", RECLAIM_BATCH);
                for (Computer silent : waiting) {
                    writes.updateComputer(silent.withoutSeat(ComputerState.RELEASED, sentence, now));
                    SeatPool.audit(writes, now, actor, AuditAction.SEAT_RELEASED, silent, sentence);
                }
                List<Computer> claims = writes.silentIn(ComputerState.CONFLICT, cutoff, "", RECLAIM_BATCH);
                for (Computer claim : claims) {
                    writes.deleteComputer(claim.id());
                    SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_REMOVED, claim,
                            "conflict removed after " + Wording.duration(waitingExpiry) + " without contact");
                }
                return waiting.size() + claims.size();
            });
            expired += batch;
            if (batch == 0) {
                return expired;
            }
        }
    }

    ReclaimResult reclaimSilent(String actor) {
        if (reclaimAfter.isZero()) {
            return new ReclaimResult(List.of(), 0);
        }
        List<String> reclaimed = new ArrayList<>();
        int granted = 0;
        while (true) {
            ReclaimResult batch = store.write(writes -> reclaimBatch(writes, actor, clock.instant()));
            reclaimed.addAll(batch.reclaimed());
            granted += batch.seatsGrantedToWaiting();
            if (batch.reclaimed().size() < RECLAIM_BATCH) {
                return new ReclaimResult(reclaimed, granted);
            }
        }
    }

    private ReclaimResult reclaimBatch(LicensingWrites writes, String actor, Instant now) {
        List<String> names = new ArrayList<>();
        for (Computer silent : writes.silentSince(now.minus(reclaimAfter), RECLAIM_BATCH)) {
            String sentence = "seat reclaimed after " + Wording.duration(reclaimAfter)
                    + " without contact (last contact " + Wording.time(silent.lastContact()) + ")";
            pool.giveBack(writes, silent);
            writes.updateComputer(silent.withoutSeat(ComputerState.RECLAIMED, sentence, now));
            SeatPool.audit(writes, now, actor, AuditAction.SEAT_RECLAIMED, silent,
                    sentence + "; seat of " + silent.licenseSerial() + " freed");
            names.add(silent.identity().display());
        }
        return new ReclaimResult(names, pool.grantToWaiting(writes, actor, now));
    }
}
