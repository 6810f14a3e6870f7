package dev.primary.server.http;

import java.util.Objects;

/**
 * Where one listener listens and what it accepts.
 *
 * @param name for thread names and logs ({@code client}, {@code admin})
 * @param portSetting the setting that named the port, for error messages ({@code port}, {@code admin-port})
 * @param bind the address to listen on
 * @param port the port (0 = any free port)
 * @param limits what a connection may send
 * @param caps how many connections may be open at once, in total and per source address
 */
public record ListenerSettings(String name, String portSetting, String bind, int port, HttpLimits limits,
        ConnectionCaps caps) {
    public ListenerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(portSetting, "portSetting");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(caps, "caps");
    }

    /** A listener without connection caps. */
    public ListenerSettings(String name, String portSetting, String bind, int port, HttpLimits limits) {
        this(name, portSetting, bind, port, limits, ConnectionCaps.NONE);
    }
}
