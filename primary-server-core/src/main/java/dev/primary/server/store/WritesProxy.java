package dev.primary.server.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A writes port seen through a {@link Proxy}: every call goes to the real writes unchanged, then its method, arguments
 * and result go to a {@link Listener} (a call that throws is not heard). For the store decorators that note what a
 * unit of work changed: a method added to a port is forwarded without any change to them.
 */
public final class WritesProxy {
    /** Hears each call that returned. */
    @FunctionalInterface
    public interface Listener {
        void wrote(Method method, Object[] arguments, Object result);
    }

    private WritesProxy() {}

    /** {@code writes} as a {@code port} whose calls {@code listener} hears. */
    public static <W> W noting(Class<W> port, W writes, Listener listener) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            Object result = invoke(writes, method, arguments);
            listener.wrote(method, arguments, result);
            return result;
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
