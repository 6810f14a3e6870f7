package dev.primary.server.store.contract;

import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.testing.ForwardingStore;

/** A store adapter as the contract tests see it: both ports, and closing. */
public interface StoreUnderTest extends LicensingStore, ReleaseStore, AutoCloseable {

    @Override
    void close();

    /** {@code store} seen through this interface. */
    static <S extends LicensingStore & ReleaseStore & AutoCloseable> StoreUnderTest of(S store) {
        class Closing extends ForwardingStore<S> implements StoreUnderTest {
            Closing(S adapter) {
                super(adapter);
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
        }
        return new Closing(store);
    }
}
