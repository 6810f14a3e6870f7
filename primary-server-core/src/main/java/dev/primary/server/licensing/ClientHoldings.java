package dev.primary.server.licensing;

import dev.primary.server.computer.Computer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client as a check-in that keeps its lease is decided on: its record, the computers it speaks for, and the
 * licenses whose seats those computers hold. Read together ({@link LicensingReads#clientHoldings}), so that a store
 * may answer with one statement.
 *
 * @param computers the computers of {@link LicensingReads#computersOfClient}, in the same order
 * @param licenses by serial, every license a computer in {@code computers} holds a seat of
 */
public record ClientHoldings(ClientRecord client, List<Computer> computers, Map<String, License> licenses) {
    public ClientHoldings {
        Objects.requireNonNull(client, "client");
        computers = List.copyOf(computers);
        licenses = Map.copyOf(licenses);
    }

    /** The license a computer of this client holds a seat of; empty for {@code null} (a computer without a seat). */
    public Optional<License> license(String serial) {
        return serial == null ? Optional.empty() : Optional.ofNullable(licenses.get(serial));
    }
}
