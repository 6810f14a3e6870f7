package dev.primary.server;

import dev.primary.server.identity.SelfMadeCertificate;

/** How to name a listening address to someone who wants to connect to it. */
final class Endpoints {
    private Endpoints() {}

    /** A host to connect to on this machine: loopback for a loopback or wildcard bind, else the bind address. */
    static String connectableHost(String bind) {
        return switch (bind) {
            case "0.0.0.0", "127.0.0.1", "localhost" -> "127.0.0.1";
            case "::", "::0", "::1", "[::]", "[::1]" -> "[::1]";
            default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        };
    }

    /** {@code host:port} that clients on the network use: the host name for a wildcard bind, else the bind address. */
    static String clientEndpoint(String bind, int port) {
        boolean wildcard = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
        String hostName = SelfMadeCertificate.localHostName();
        String host = wildcard ? (hostName.isEmpty() ? "127.0.0.1" : hostName) : connectableHost(bind);
        return host + ":" + port;
    }
}
