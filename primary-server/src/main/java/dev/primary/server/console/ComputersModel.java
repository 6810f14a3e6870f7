package dev.primary.server.console;

import dev.primary.protocol.admin.ComputerPage;
import dev.primary.protocol.admin.ComputerState;
import dev.primary.protocol.admin.LicenseSummary;
import java.util.Arrays;
import java.util.List;

/**
 * Manage Computers: one page of the fleet, the filter that chose it and the License Summary's totals above it.
 */
public record ComputersModel(ConsoleFrame frame, ComputerPage page, ComputerFilter filter, LicenseSummary summary) {
    /** The states a page filters by, by wire name. */
    public List<String> states() {
        return Arrays.stream(ComputerState.values()).map(ComputerState::wireName).toList();
    }

    public boolean hasPrevious() {
        return page.offset() > 0;
    }

    public boolean hasNext() {
        return page.offset() + page.items().size() < page.total();
    }

    public String previous() {
        return filter.at(Math.max(0, page.offset() - ComputerFilter.PAGE_SIZE));
    }

    public String next() {
        return filter.at(page.offset() + ComputerFilter.PAGE_SIZE);
    }

    /** {@code 51–100 of 1,234}. */
    public String range() {
        if (page.items().isEmpty()) {
            return "0 of " + String.format("%,d", page.total());
        }
        return String.format("%,d–%,d of %,d", page.offset() + 1, page.offset() + page.items().size(), page.total());
    }
}
