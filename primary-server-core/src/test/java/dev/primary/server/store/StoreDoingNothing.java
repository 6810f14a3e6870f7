package dev.primary.server.store;

import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.ReleaseWrites;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * A store whose writes do nothing and answer defaults ({@code true} for a boolean, else {@code null}), for tests of
 * a decorator's bookkeeping, where what the store does is not what is tested.
 */
public class StoreDoingNothing implements LicensingStore, ReleaseStore {
    @Override
    public <T> T write(Function<LicensingWrites, T> unit) {
        return unit.apply(nothing(LicensingWrites.class));
    }

    @Override
    public <T> T read(Function<LicensingReads, T> unit) {
        return unit.apply(nothing(LicensingReads.class));
    }

    @Override
    public <T> T writeReleases(Function<ReleaseWrites, T> unit) {
        return unit.apply(nothing(ReleaseWrites.class));
    }

    @Override
    public <T> T readReleases(Function<ReleaseReads, T> unit) {
        return unit.apply(nothing(ReleaseReads.class));
    }

    private static <W> W nothing(Class<W> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, arguments) -> method.getReturnType() == boolean.class ? Boolean.TRUE : null));
    }
}
