package dev.primary.server.licensing;

import dev.primary.server.computer.Computer;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.ReleaseWrites;
import dev.primary.server.store.StoreBusyException;
import dev.primary.server.store.WritesProxy;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The store as a server that is its only writer uses it: every unit of work's writes are noted, and once the store
 * answered for the unit the {@link CheckInIndex} is told what changed. A unit that committed, or that threw (rolled
 * back: its notices only make the index forget or raise a sequence, which is safe either way), is told at once. A
 * unit whose outcome the store could not tell (it did not answer within its wait limit, or its commit failed) might
 * still commit later, after any notice: the index is then {@linkplain CheckInIndex#turnOff turned off} for the rest
 * of the server's life, and every check-in reads the store, as on a shared store. Reads pass straight through.
 *
 * <p>As in {@code ChangeRecordingStore}, the writes a unit sees are a {@linkplain WritesProxy proxy} of the port, so a method added to
 * a writes port is forwarded unchanged; what each method means for the index is named in the tables below, and
 * {@code CheckInIndexStoreTest} fails when a writes method is in none of them.
 */
public final class CheckInIndexStore<S extends LicensingStore & ReleaseStore> implements LicensingStore, ReleaseStore {
    /** Writes that change a client: the first argument is its {@link ClientRecord} or its id. */
    static final Set<String> CLIENT = Set.of("insertClient", "setClientRevocation");
    /** A client's sequence written: raised in the index, nothing forgotten. */
    static final Set<String> SEQUENCE = Set.of("advanceSequence");
    /** Writes of a whole computer row (its seat, lease, versions, holder...). */
    static final Set<String> COMPUTER_ROW = Set.of("insertComputer", "updateComputer");
    /** Writes that change a computer named by its id (the first argument), or remove it. */
    static final Set<String> COMPUTER_BY_ID = Set.of("saveUpdateRecord", "saveEnrollment", "assignGroup",
            "deleteComputer");
    /** Writes of a license's terms or counts. */
    static final Set<String> LICENSE = Set.of("insertLicense", "updateLicenseTerms", "unlockLicense",
            "changeSeatsUsed");
    /** Writes that change nothing a check-in is decided on (a last contact: the decision never reads it). */
    static final Set<String> UNREAD = Set.of("touchContact", "audit", "insertEnrollmentToken", "updateEnrollmentToken",
            "insertAccount", "updateAccount", "insertAccountToken", "updateAccountToken", "insertRelease",
            "insertContent", "insertRollout", "updateRollout", "addHourlyCounts", "saveHourlySample",
            "deleteHourlyStatsBefore");

    private final S store;
    private final CheckInIndex index;

    public CheckInIndexStore(S store, CheckInIndex index) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        index.watch();
    }

    @Override
    public <T> T write(Function<LicensingWrites, T> unit) {
        return noted(LicensingWrites.class, unit, store::write);
    }

    @Override
    public <T> T read(Function<LicensingReads, T> unit) {
        return store.read(unit);
    }

    @Override
    public <T> T writeReleases(Function<ReleaseWrites, T> unit) {
        return noted(ReleaseWrites.class, unit, store::writeReleases);
    }

    /** Runs {@code unit} through {@code write} with its writes noted, and tells the index once the store answered. */
    private <W, T> T noted(Class<W> port, Function<W, T> unit, Function<Function<W, T>, T> write) {
        Notes notes = new Notes();
        try {
            T result = write.apply(writes -> notes.run(unit, port, writes));
            notes.tell(index);
            return result;
        } catch (RuntimeException | Error e) {
            notes.failed(e, index);
            throw e;
        }
    }

    @Override
    public <T> T readReleases(Function<ReleaseReads, T> unit) {
        return store.readReleases(unit);
    }

    /** What one unit changed, as notices for the index; written by the unit's thread, told after the store answered. */
    private static final class Notes {
        private final List<Consumer<CheckInIndex>> notices = new ArrayList<>();
        /** What the unit itself threw; the store hands it back as it is (the unit was rolled back). */
        private volatile Throwable thrownByUnit;
        private volatile boolean started;

        <W, T> T run(Function<W, T> unit, Class<W> port, W writes) {
            started = true;
            try {
                return unit.apply(around(port, writes));
            } catch (RuntimeException | Error e) {
                thrownByUnit = e;
                throw e;
            }
        }

        /**
         * The store answered {@code failure}: the unit's own exception (rolled back), or a refusal before the unit
         * started (a full write queue), is a known outcome; anything else may still commit later.
         */
        void failed(Throwable failure, CheckInIndex index) {
            boolean neverRan = !started && failure instanceof StoreBusyException;
            if (failure == thrownByUnit || neverRan) {
                tell(index);
            } else {
                index.turnOff("a write's outcome is unknown (" + failure + ")");
            }
        }

        <W> W around(Class<W> port, W writes) {
            return WritesProxy.noting(port, writes, this::note);
        }

        private void note(Method method, Object[] arguments, Object result) {
            String name = method.getName();
            if (CLIENT.contains(name)) {
                String clientId = arguments[0] instanceof ClientRecord client ? client.clientId() : (String) arguments[0];
                notices.add(index -> index.clientChanged(clientId));
            } else if (SEQUENCE.contains(name)) {
                String clientId = (String) arguments[0];
                long sequence = (Long) arguments[1];
                notices.add(index -> index.sequenceWritten(clientId, sequence));
            } else if (COMPUTER_ROW.contains(name)) {
                Computer computer = name.equals("insertComputer") ? (Computer) result : (Computer) arguments[0];
                notices.add(index -> index.computerChanged(computer.id(), computer.clientId()));
            } else if (COMPUTER_BY_ID.contains(name)) {
                long computerId = (Long) arguments[0];
                notices.add(index -> index.computerChanged(computerId, null));
            } else if (LICENSE.contains(name)) {
                notices.add(CheckInIndex::licensesChanged);
            }
        }

        void tell(CheckInIndex index) {
            notices.forEach(notice -> notice.accept(index));
        }
    }
}
