package dev.primary.server.console;

import dev.primary.protocol.admin.LicenseDetail;
import dev.primary.protocol.admin.LicenseView;
import java.util.List;

/**
 * One license of the License Summary with its seats counted by state.
 *
 * @param license the license
 * @param active its seats whose holder's lease is valid now
 * @param reserved its seats reserved for computers not yet checked in
 * @param seats who holds its seats
 */
public record LicenseRow(LicenseView license, int active, int reserved, List<LicenseDetail.Seat> seats) {
    public LicenseRow {
        seats = List.copyOf(seats);
    }

    public boolean pending() {
        return license.state() == LicenseView.State.PENDING_REGISTRATION;
    }
}
