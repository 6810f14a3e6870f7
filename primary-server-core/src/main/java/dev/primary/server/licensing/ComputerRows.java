package dev.primary.server.licensing;

import dev.primary.server.computer.Computer;
import java.util.List;

/** One page of computers, as the store found them, and how many match the query in all. */
public record ComputerRows(long total, List<Computer> rows) {
    public ComputerRows {
        rows = List.copyOf(rows);
    }
}
