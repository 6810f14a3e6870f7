package dev.primary.server.store.contract;

import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.ReleaseWrites;
import java.util.function.Function;

/** A store adapter as the contract tests see it: both ports, and closing. */
public interface StoreUnderTest extends LicensingStore, ReleaseStore, AutoCloseable {

    @Override
    void close();

    /** {@code store} seen through this interface. */
    static <S extends LicensingStore & ReleaseStore & AutoCloseable> StoreUnderTest of(S store) {
        return new StoreUnderTest() {
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

            @Override
            public void close() {
                try {
                    store.close();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("the store did not close: " + e.getMessage(), e);
                }
            }
        };
    }
}
