package dev.primary.server.store.jdbc.copy;

import java.util.Objects;

/** A column of a store table: its name and whether it holds whole numbers or text (the store has no other kind). */
public record Column(String name, Kind kind) {
    public enum Kind { INTEGER, TEXT }

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
