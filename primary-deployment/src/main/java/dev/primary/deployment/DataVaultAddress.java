package dev.primary.deployment;

import java.util.Objects;

/**
 * Where a client's Recorder sends its data: {@code HOST} or {@code HOST:PORT} ({@code [v6]:PORT}
 * for an IPv6 address with a port).
 *
 * @param host name or address
 * @param port TCP port, {@link #DEFAULT_PORT} unless given
 */
record DataVaultAddress(String host, int port) {
    static final int DEFAULT_PORT = 16769;

    DataVaultAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("Data Vault host cannot be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Data Vault port must be 1-65535, got " + port);
        }
    }

    /** Parses {@code HOST}, {@code HOST:PORT}, {@code [V6]:PORT} or a bare IPv6 address. */
    static DataVaultAddress parse(String text) {
        String value = text.strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Data Vault address \"" + text + "\" has no closing ']'");
            }
            String rest = value.substring(close + 1);
            String host = value.substring(1, close);
            if (rest.isEmpty()) {
                return new DataVaultAddress(host, DEFAULT_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("Data Vault address must be HOST or HOST:PORT, got \"" + text + "\"");
            }
            return new DataVaultAddress(host, portOf(rest.substring(1), text));
        }
        int colon = value.indexOf(':');
        if (colon < 0 || colon != value.lastIndexOf(':')) {
            return new DataVaultAddress(value, DEFAULT_PORT);
        }
        return new DataVaultAddress(value.substring(0, colon), portOf(value.substring(colon + 1), text));
    }

    private static int portOf(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Data Vault port must be a number in \"" + text + "\"");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
