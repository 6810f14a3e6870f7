package dev.primary.client.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This computer's own name, for a configuration that leaves the computer name empty. */
final class LocalComputer {
    private LocalComputer() {}

    /** The host's name without its domain, made fit for a seat name (letters, digits, '.', '_', '-'; 63 at most). */
    static String name() {
        String name = System.getenv("COMPUTERNAME");
        if (name == null || name.isBlank()) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "localhost";
            }
        }
        return fitForSeat(name);
    }

    static String fitForSeat(String hostName) {
        String base = hostName.strip();
        int dot = base.indexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63);
        }
        return cleaned.isEmpty() ? "localhost" : cleaned;
    }
}
