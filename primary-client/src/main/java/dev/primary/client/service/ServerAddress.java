package dev.primary.client.service;

import java.util.Objects;

/**
 * One place a Primary Server of the client's fleet answers: a name or IP address and a client port.
 *
 * @param host name or IP address (an IPv6 address without brackets)
 * @param port its client port
 */
public record ServerAddress(String host, int port) {
    /**
     * At most this many servers in a client's list, and at most this many addresses tried in one round (a name with
     * several addresses counts each): a round over dead addresses takes up to this many connect timeouts.
     */
    public static final int MAX_SERVERS = 8;

    public ServerAddress {
        Objects.requireNonNull(host, "host");
        host = host.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("server host cannot be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port must be 1-65535, got " + port);
        }
    }

    /**
     * Reads {@code host:port}, {@code [ipv6]:port}, or a bare {@code host} (or IPv6 address), which gets
     * {@code defaultPort}.
     *
     * @throws IllegalArgumentException naming the text when it is not an address
     */
    public static ServerAddress parse(String text, int defaultPort) {
        String value = Objects.requireNonNull(text, "text").strip();
        try {
            if (value.startsWith("[")) {
                int close = value.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("no closing ]");
                }
                String rest = value.substring(close + 1);
                if (rest.isEmpty()) {
                    return new ServerAddress(value.substring(1, close), defaultPort);
                }
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("expected :PORT after ]");
                }
                return new ServerAddress(value.substring(1, close), port(rest.substring(1)));
            }
            int colon = value.indexOf(':');
            if (colon < 0 || value.indexOf(':', colon + 1) >= 0) {
                // No port, or an IPv6 address without brackets (which cannot carry one).
                return new ServerAddress(value, defaultPort);
            }
            return new ServerAddress(value.substring(0, colon), port(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a server address (HOST, HOST:PORT or "
                    + "[IPv6]:PORT): " + e.getMessage(), e);
        }
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port \"" + text + "\" is not a number", e);
        }
    }

    /** {@code host:port} ({@code [ipv6]:port}), as shown to people and written in {@code client.json}. */
    public String text() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return text();
    }
}
