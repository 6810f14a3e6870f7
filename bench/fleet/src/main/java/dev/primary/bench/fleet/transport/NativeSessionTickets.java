package dev.primary.bench.fleet.transport;

import io.netty.internal.tcnative.SSL;
import io.netty.internal.tcnative.SSLSession;
import io.netty.internal.tcnative.SSLSessionCache;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * TLS session tickets kept per slot (one per simulated client, or per lane), in BoringSSL's own session objects.
 *
 * <p>Why not Netty's client session cache: it keeps one session per host and port, and a TLS 1.3 ticket is single
 * use, so there every other fresh connection to the same server made a full handshake. Here each slot keeps the
 * newest ticket its connections received and offers it on every new connection until a newer one replaces it, as
 * the JDK's client (the Client Service's TLS) keeps one session per server until a new ticket comes. In particular
 * a connection that never reached the server (refused while it is down: the TLS engine, and its offer, are made
 * before the TCP connect) does not use up the ticket, so a client resumes its session after an outage.
 * The cache is installed as the client context's native session callback; the native pointers it keeps are freed
 * when replaced or closed.
 */
final class NativeSessionTickets implements SSLSessionCache, AutoCloseable {
    private final AtomicLongArray slots;
    /** Slots are read and replaced under one of these, so a ticket is not freed while it is being offered. */
    private final Object[] locks = new Object[64];
    private final ConcurrentHashMap<Long, Attachment> slotOfConnection = new ConcurrentHashMap<>();

    NativeSessionTickets(int slotCount) {
        this.slots = new AtomicLongArray(slotCount);
        for (int index = 0; index < locks.length; index++) {
            locks[index] = new Object();
        }
    }

    private Object slotLock(int slot) {
        return locks[slot & (locks.length - 1)];
    }

    /** Whether slot {@code slot} holds a ticket. */
    boolean holds(int slot) {
        return slots.get(slot) != 0;
    }

    /** How many slots hold a ticket. */
    int held() {
        int count = 0;
        for (int slot = 0; slot < slots.length(); slot++) {
            if (slots.get(slot) != 0) {
                count++;
            }
        }
        return count;
    }

    /** The lifetime in seconds of the ticket in {@code slot} (what the server allowed, as BoringSSL keeps it), or -1. */
    long lifetimeSeconds(int slot) {
        synchronized (slotLock(slot)) {
            long session = slots.get(slot);
            return session == 0 ? -1 : SSLSession.getTimeout(session);
        }
    }

    int slotCount() {
        return slots.length();
    }

    /**
     * Before the handshake of the connection {@code ssl}: offers the slot's ticket (if any; it stays in the slot) and
     * notes the slot, so the tickets this connection receives are kept there. Returns the attachment to
     * {@link #detach} with.
     */
    Object attach(long ssl, int slot) {
        synchronized (slotLock(slot)) {
            long session = slots.get(slot);
            if (session != 0) {
                SSL.setSession(ssl, session); // takes its own reference; the slot keeps its own
            }
        }
        Attachment attachment = new Attachment(slot);
        slotOfConnection.put(ssl, attachment);
        return attachment;
    }

    /**
     * The connection {@code ssl} is gone: tickets no longer go to its slot. Removes only this very attachment: the
     * engine frees its {@code SSL*} as it closes, before the close reaches the pipeline's end, and a new connection
     * may already have been given the same address and attached it.
     */
    void detach(long ssl, Object attachment) {
        slotOfConnection.remove(ssl, attachment);
    }

    @Override
    public boolean sessionCreated(long ssl, long session) {
        Attachment attachment = slotOfConnection.get(ssl);
        if (attachment == null) {
            return false; // not kept: BoringSSL frees it
        }
        long previous;
        synchronized (slotLock(attachment.slot)) {
            previous = slots.getAndSet(attachment.slot, session);
        }
        if (previous != 0) {
            SSLSession.free(previous); // a connection that offered it holds its own reference
        }
        return true; // we own the reference now
    }

    @Override
    public long getSession(long ssl, byte[] sessionId) {
        return -1; // asked of servers only
    }

    @Override
    public void close() {
        for (int slot = 0; slot < slots.length(); slot++) {
            long session;
            synchronized (slotLock(slot)) {
                session = slots.getAndSet(slot, 0);
            }
            if (session != 0) {
                SSLSession.free(session);
            }
        }
    }

    /** One connection's claim on a slot (compared by identity). */
    private static final class Attachment {
        final int slot;

        Attachment(int slot) {
            this.slot = slot;
        }
    }
}
