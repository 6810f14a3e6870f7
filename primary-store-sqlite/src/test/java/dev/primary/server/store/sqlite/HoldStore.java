package dev.primary.server.store.sqlite;

import java.io.IOException;
import java.nio.file.Path;

/** A second process for {@link SqliteStoreTest}: opens the store, says so, and holds it until stdin closes. */
public final class HoldStore {
    private HoldStore() {}

    public static void main(String[] args) throws IOException {
        try (SqliteStore store = SqliteStore.open(Path.of(args[0]))) {
            System.out.println("opened " + store.description());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
