package dev.primary.protocol.admin;

import java.time.Instant;
import java.util.List;

/**
 * A license and the seats held under it: the per-license view (Computer / State / Last Refresh).
 */
public record LicenseDetail(LicenseView license, List<Seat> seats) {
    public LicenseDetail {
        seats = List.copyOf(seats);
    }

    /**
     * @param computer the seat holder, as displayed ({@code DOMAIN\NAME})
     * @param state the holder's state
     * @param lastRefresh when the holder last renewed its lease; absent if never
     */
    public record Seat(String computer, ComputerState state, Instant lastRefresh) {
    }
}
