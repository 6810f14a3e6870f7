package dev.primary.server.fleet;

import dev.primary.server.computer.Computer;
import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.ReleaseWrites;
import dev.primary.server.store.WritesProxy;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A store that notes which computers and license counts each unit of work changed, and tells {@code committed} once
 * the unit has committed (a unit that throws tells nothing). Reads pass straight through.
 *
 * <p>The writes a unit sees are a {@linkplain WritesProxy proxy} of the port rather than a hand-written delegate, so that a method
 * added to a writes port is forwarded unchanged; what each changing method means for a watcher is named in the
 * tables below, and {@code ChangeRecordingStoreTest} fails when a writes method is in none of them.
 */
public final class ChangeRecordingStore<S extends LicensingStore & ReleaseStore> implements LicensingStore, ReleaseStore {
    /** Writes that change a computer's row, naming it by id only. */
    static final Set<String> COMPUTER_BY_ID = Set.of("touchContact", "saveUpdateRecord", "saveEnrollment",
            "assignGroup");
    /** Writes that change a computer's row and may move the license counts (its state, its seat). */
    static final Set<String> COMPUTER_ROW = Set.of("insertComputer", "updateComputer");
    /** Writes that may move the license counts only. */
    static final Set<String> LICENSE_COUNTS = Set.of("changeSeatsUsed", "insertLicense", "updateLicenseTerms",
            "unlockLicense");
    /** A computer removed: its row is gone, so watchers read everything again. */
    static final Set<String> REMOVAL = Set.of("deleteComputer");
    /** Writes that change nothing a watcher of computers and license counts shows. */
    static final Set<String> UNWATCHED = Set.of("insertClient", "setClientRevocation", "advanceSequence", "audit",
            "insertEnrollmentToken", "updateEnrollmentToken", "insertAccount", "updateAccount", "insertAccountToken",
            "updateAccountToken", "insertRelease", "insertContent", "insertRollout", "updateRollout");

    private final S store;
    private final Consumer<CommittedChanges> committed;

    public ChangeRecordingStore(S store, Consumer<CommittedChanges> committed) {
        this.store = Objects.requireNonNull(store, "store");
        this.committed = Objects.requireNonNull(committed, "committed");
    }

    /** The store underneath. */
    public S store() {
        return store;
    }

    @Override
    public <T> T write(Function<LicensingWrites, T> unit) {
        Recorder recorder = new Recorder();
        T result = store.write(writes -> unit.apply(recorder.around(LicensingWrites.class, writes)));
        recorder.tell(committed);
        return result;
    }

    @Override
    public <T> T read(Function<LicensingReads, T> unit) {
        return store.read(unit);
    }

    @Override
    public <T> T writeReleases(Function<ReleaseWrites, T> unit) {
        Recorder recorder = new Recorder();
        T result = store.writeReleases(writes -> unit.apply(recorder.around(ReleaseWrites.class, writes)));
        recorder.tell(committed);
        return result;
    }

    @Override
    public <T> T readReleases(Function<ReleaseReads, T> unit) {
        return store.readReleases(unit);
    }

    /** What one unit changed so far; used by the unit's one thread. */
    private static final class Recorder {
        private final Map<Long, String> computers = new LinkedHashMap<>();
        private boolean licenses;
        private boolean resync;

        <W> W around(Class<W> port, W writes) {
            // A store that runs a unit again after a failed attempt would record twice: harmless, the set dedups.
            return WritesProxy.noting(port, writes, this::note);
        }

        private void note(Method method, Object[] arguments, Object result) {
            String name = method.getName();
            if (COMPUTER_BY_ID.contains(name)) {
                computers.putIfAbsent((Long) arguments[0], "");
            } else if (COMPUTER_ROW.contains(name)) {
                Computer computer = name.equals("insertComputer") ? (Computer) result : (Computer) arguments[0];
                computers.put(computer.id(), computer.identity().display());
                licenses = true;
            } else if (LICENSE_COUNTS.contains(name)) {
                licenses = true;
            } else if (REMOVAL.contains(name)) {
                resync = true;
                licenses = true;
            }
        }

        void tell(Consumer<CommittedChanges> committed) {
            if (!computers.isEmpty() || licenses || resync) {
                committed.accept(new CommittedChanges(computers, licenses, resync));
            }
        }
    }
}
