package dev.primary.server.computer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the update side knows about a computer besides its versions: the rollout group an
 * administrator put it in, the content revision its client applied, and where a "check in now"
 * nudge reaches it.
 *
 * @param group its rollout group; empty for none
 * @param contentRevision the content revision ("signature file") its client last reported applied; 0 for none
 * @param remoteAddress the IP address its client last checked in from; empty if unknown
 * @param nudgePort the TCP port its client announced for nudges; 0 for none
 */
public record UpdateProfile(String group, long contentRevision, String remoteAddress, int nudgePort) {
    public static final UpdateProfile NONE = new UpdateProfile("", 0, "", 0);

    public UpdateProfile {
        group = group == null ? "" : group;
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
        if (contentRevision < 0) {
            throw new IllegalArgumentException("contentRevision cannot be negative, got " + contentRevision);
        }
        if (nudgePort < 0 || nudgePort > 65535) {
            throw new IllegalArgumentException("nudgePort must be 0 (none) or 1-65535, got " + nudgePort);
        }
    }

    /** A check-in from {@code address} announcing {@code port}; an unknown address keeps the last one known. */
    public UpdateProfile reachedAt(String address, int port) {
        String newAddress = address == null || address.isEmpty() ? remoteAddress : address;
        return new UpdateProfile(group, contentRevision, newAddress, port);
    }

    public UpdateProfile withContentRevision(long revision) {
        return new UpdateProfile(group, revision, remoteAddress, nudgePort);
    }

    public UpdateProfile inGroup(String newGroup) {
        return new UpdateProfile(newGroup, contentRevision, remoteAddress, nudgePort);
    }

    /**
     * Where a nudge reaches the computer: its last address and announced port; empty when it announced
     * no port, or its address is unknown or not an IP address (never looked up in DNS).
     */
    public Optional<InetSocketAddress> nudgeAddress() {
        if (nudgePort == 0 || !looksLikeIpAddress(remoteAddress)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByName(remoteAddress), nudgePort));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An IPv4 or IPv6 literal, so that resolving it never asks DNS. */
    private static boolean looksLikeIpAddress(String text) {
        Objects.requireNonNull(text);
        return !text.isEmpty() && (text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
    }
}
