package dev.primary.server.testing;

import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.ReleaseWrites;
import java.util.Objects;
import java.util.function.Function;

/** Both store ports of {@code store}, each unit handed on unchanged; a test overrides what it watches. */
public class ForwardingStore<S extends LicensingStore & ReleaseStore> implements LicensingStore, ReleaseStore {
    protected final S store;

    public ForwardingStore(S store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public <T> T write(Function<LicensingWrites, T> unit) {
        return store.write(unit);
    }

    @Override
    public <T> T read(Function<LicensingReads, T> unit) {
        return store.read(unit);
    }

    @Override
    public <T> T writeReleases(Function<ReleaseWrites, T> unit) {
        return store.writeReleases(unit);
    }

    @Override
    public <T> T readReleases(Function<ReleaseReads, T> unit) {
        return store.readReleases(unit);
    }
}
