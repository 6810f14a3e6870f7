package dev.primary.server.fleet;

import java.util.Objects;

/**
 * One change of the fleet, as a watcher sees it.
 *
 * @param kind what changed
 * @param computerId the store's id of the computer ({@link Kind#COMPUTER} only, else 0)
 * @param computer the computer as the admin API names it, {@code DOMAIN\NAME} or {@code DOMAIN\NAME\USER}
 *     ({@link Kind#COMPUTER} only, else empty)
 */
public record FleetChange(Kind kind, long computerId, String computer) {
    /** What changed. */
    public enum Kind {
        /** The row of one computer changed: registration, check-in, state, seat, group, update state. */
        COMPUTER,
        /** The license counts may have changed (seats, holders): read the summary again. */
        LICENSES,
        /** Too much changed to tell one by one, or changes may have been missed: read everything again. */
        RESYNC
    }

    private static final FleetChange LICENSES = new FleetChange(Kind.LICENSES, 0, "");
    private static final FleetChange RESYNC = new FleetChange(Kind.RESYNC, 0, "");

    public FleetChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(computer, "computer");
        if (kind == Kind.COMPUTER && (computerId <= 0 || computer.isEmpty())) {
            throw new IllegalArgumentException("a computer's change names the computer");
        }
    }

    public static FleetChange computer(long computerId, String computer) {
        return new FleetChange(Kind.COMPUTER, computerId, computer);
    }

    public static FleetChange licenses() {
        return LICENSES;
    }

    public static FleetChange resync() {
        return RESYNC;
    }
}
