package dev.primary.testkit;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A TLS handshake between two engines through buffers, without sockets or threads: enough to see what each side's
 * context makes of the other's offer, or to time a handshake alone. Delegated tasks run inline.
 */
public final class InMemoryHandshake {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private InMemoryHandshake() {}

    /**
     * Runs the handshake of a new client engine and a new server engine; fails if it does not end within 20 flights.
     * The engines stay the caller's to release.
     */
    public static void complete(SSLEngine clientEngine, SSLEngine serverEngine) throws SSLException {
        clientEngine.beginHandshake();
        serverEngine.beginHandshake();
        ByteBuffer toServer = ByteBuffer.allocate(64 * 1024);
        ByteBuffer toClient = ByteBuffer.allocate(64 * 1024);
        for (int flight = 0; flight < 20; flight++) {
            send(clientEngine, toServer);
            receive(serverEngine, toServer);
            send(serverEngine, toClient);
            receive(clientEngine, toClient);
            if (done(clientEngine) && done(serverEngine)) {
                return;
            }
        }
        throw new SSLException("the handshake did not end: client " + clientEngine.getHandshakeStatus()
                + ", server " + serverEngine.getHandshakeStatus());
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void send(SSLEngine engine, ByteBuffer wire) throws SSLException {
        SSLEngineResult result;
        do {
            result = engine.wrap(NOTHING, wire);
            runTasks(engine);
        } while (result.bytesProduced() > 0);
    }

    private static void receive(SSLEngine engine, ByteBuffer wire) throws SSLException {
        wire.flip();
        ByteBuffer application = ByteBuffer.allocate(64 * 1024);
        for (int idle = 0; wire.hasRemaining() && idle < 3; ) {
            SSLEngineResult result = engine.unwrap(wire, application);
            boolean ranTasks = runTasks(engine);
            idle = result.bytesConsumed() == 0 && !ranTasks ? idle + 1 : 0;
        }
        wire.compact();
    }

    private static boolean runTasks(SSLEngine engine) {
        boolean ran = false;
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
            ran = true;
        }
        return ran;
    }
}
