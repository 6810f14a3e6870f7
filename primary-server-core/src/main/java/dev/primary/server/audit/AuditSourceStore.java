package dev.primary.server.audit;

import dev.primary.server.licensing.LicensingReads;
import dev.primary.server.licensing.LicensingStore;
import dev.primary.server.licensing.LicensingWrites;
import dev.primary.server.release.ReleaseReads;
import dev.primary.server.release.ReleaseStore;
import dev.primary.server.release.ReleaseWrites;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.function.Function;

/**
 * A store whose audit events carry the {@link AuditSource} of the request that handed it the unit of work: the
 * source is read when the unit is handed over (on the request's thread) and stamped on every event the unit audits
 * that has none, wherever the unit runs. The domain never passes addresses around. Reads pass straight through.
 */
public final class AuditSourceStore<S extends LicensingStore & ReleaseStore> implements LicensingStore, ReleaseStore {
    private final S store;

    public AuditSourceStore(S store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public <T> T write(Function<LicensingWrites, T> unit) {
        String source = AuditSource.current();
        if (source.isEmpty()) {
            return store.write(unit);
        }
        return store.write(writes -> unit.apply(stamping(LicensingWrites.class, writes, source)));
    }

    @Override
    public <T> T read(Function<LicensingReads, T> unit) {
        return store.read(unit);
    }

    @Override
    public <T> T writeReleases(Function<ReleaseWrites, T> unit) {
        String source = AuditSource.current();
        if (source.isEmpty()) {
            return store.writeReleases(unit);
        }
        return store.writeReleases(writes -> unit.apply(stamping(ReleaseWrites.class, writes, source)));
    }

    @Override
    public <T> T readReleases(Function<ReleaseReads, T> unit) {
        return store.readReleases(unit);
    }

    private static <W> W stamping(Class<W> port, W writes, String source) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            Object[] passed = arguments;
            if (method.getName().equals("audit") && arguments != null && arguments.length == 1
                    && arguments[0] instanceof AuditEvent event && event.source().isEmpty()) {
                passed = new Object[] {event.from(source)};
            }
            try {
                return method.invoke(writes, passed);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }
}
