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
 */
public record ListenerSettings(String name, String portSetting, String bind, int port, HttpLimits limits) {
    public ListenerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(portSetting, "portSetting");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(limits, "limits");
    }
}
