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
 * newest ticket its last connection received and offers it once, as a real client that kept its session would.
 * The cache is installed as the client context's native session callback; the native pointers it keeps are freed
 * when replaced, used or closed.
 */
final class NativeSessionTickets implements SSLSessionCache, AutoCloseable {
    private final AtomicLongArray slots;
    private final ConcurrentHashMap<Long, Attachment> slotOfConnection = new ConcurrentHashMap<>();

    NativeSessionTickets(int slotCount) {
        this.slots = new AtomicLongArray(slotCount);
    }

    int slotCount() {
        return slots.length();
    }

    /**
     * Before the handshake of the connection {@code ssl}: offers the slot's ticket (if any) and notes the slot, so the
     * tickets this connection receives are kept there. Returns the attachment to {@link #detach} with.
     */
    Object attach(long ssl, int slot) {
        long session = slots.getAndSet(slot, 0);
        if (session != 0) {
            SSL.setSession(ssl, session); // takes its own reference
            SSLSession.free(session);
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
        long previous = slots.getAndSet(attachment.slot, session);
        if (previous != 0) {
            SSLSession.free(previous);
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
            long session = slots.getAndSet(slot, 0);
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
