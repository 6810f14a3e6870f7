package dev.primary.server.fleet;

import java.util.Map;
import java.util.Objects;

/**
 * What one committed unit of work (or one relayed batch) changed.
 *
 * @param computers the ids of the computers whose rows changed, each with its name as the admin API writes it,
 *     or empty when the writer knew only the id
 * @param licenses whether license counts may have changed (seats used, licenses, holders' states)
 * @param resync whether a watcher must read everything again (a computer was removed, or changes were lost)
 */
public record CommittedChanges(Map<Long, String> computers, boolean licenses, boolean resync) {
    public static final CommittedChanges NOTHING = new CommittedChanges(Map.of(), false, false);

    public CommittedChanges {
        computers = Map.copyOf(Objects.requireNonNull(computers, "computers"));
    }

    public boolean isEmpty() {
        return computers.isEmpty() && !licenses && !resync;
    }
}
