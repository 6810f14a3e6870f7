package dev.primary.bench.harness;

import java.io.IOException;

/**
 * {@link HelloWorldServer} in a JVM of its own, so that a ceiling can be measured across a process boundary as the
 * real server is: prints one line, {@code hello-world <port> <pin>}, once it listens on a free port of 127.0.0.1, and
 * stops when its standard input ends (its parent closed it, or died).
 */
public final class HelloWorldMain {
    /** The first word of the line it prints once it listens. */
    public static final String READY = "hello-world";

    private HelloWorldMain() {}

    public static void main(String[] args) throws IOException {
        try (HelloWorldServer hello = HelloWorldServer.start(0)) {
            System.out.println(READY + " " + hello.port() + " " + hello.tlsPin().value());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes our standard input
            }
        }
    }
}
