package dev.primary.server.licensing;

import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.ComputerView;
import dev.primary.protocol.admin.ReclaimResult;
import dev.primary.protocol.message.ComputerIdentity;
import dev.primary.server.audit.AuditAction;
import dev.primary.server.computer.Computer;
import dev.primary.server.computer.ComputerStateConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an administrator does to computers: reserve, release, revoke, reinstate, re-check, reclaim. */
final class ComputerAdministration {
    private static final int RECLAIM_BATCH = 500;

    private final LicensingStore store;
    private final SeatPool pool;
    private final ComputerViews views;
    private final Clock clock;
    private final Duration reclaimAfter;

    ComputerAdministration(LicensingStore store, SeatPool pool, ComputerViews views, Clock clock,
            Duration reclaimAfter) {
        this.store = store;
        this.pool = pool;
        this.views = views;
        this.clock = clock;
        this.reclaimAfter = reclaimAfter;
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

    ComputerView revoke(String name, String reason, String actor) {
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
            SeatPool.audit(writes, now, actor, AuditAction.COMPUTER_REVOKED, known, sentence
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
