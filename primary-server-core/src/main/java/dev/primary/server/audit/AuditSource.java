package dev.primary.server.audit;

import java.util.function.Supplier;

/**
 * Where the request being handled on this thread came from, for the audit trail: set by the HTTP edge around a
 * request's handler, read by {@link AuditSourceStore} when a unit of work is handed to the store (on the same thread;
 * the unit itself may run on the store's writer thread).
 */
public final class AuditSource {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private AuditSource() {}

    /** Runs {@code work} with {@code address} as the source of what it audits. */
    public static <T> T during(String address, Supplier<T> work) {
        String outer = CURRENT.get();
        CURRENT.set(address == null ? "" : address);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The source of the request handled on this thread; empty outside one. */
    public static String current() {
        String address = CURRENT.get();
        return address == null ? "" : address;
    }
}
