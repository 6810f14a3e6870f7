package dev.primary.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** How a server names itself to the fleet's database (who recorded the identity, who ran a job): host and process. */
final class FleetNode {
    private FleetNode() {}

    static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + " pid " + ProcessHandle.current().pid();
    }
}
