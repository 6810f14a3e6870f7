package dev.primary.bench.harness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Inserts seeded computers and their clients in transactions of {@value #ROWS_PER_TRANSACTION} rows, making the
 * next batch (keys are the costly part) on every core while the current one is written.
 */
final class FleetInserts {
    static final int ROWS_PER_TRANSACTION = 50_000;
    private static final String INSERT_COMPUTER = "INSERT INTO computers ("
            + String.join(", ", SeededComputer.COMPUTER_COLUMNS) + ") VALUES ("
            + SeededComputer.COMPUTER_COLUMNS.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")";
    private static final String INSERT_CLIENT = "INSERT INTO clients (" + SeededComputer.CLIENT_COLUMNS
            + ") VALUES (?, ?, ?, ?)";

    private final String licenseSerial;
    private final int computers;
    private final int licensedCount;
    private final Instant now;

    FleetInserts(String licenseSerial, int computers, int licensedCount, Instant now) {
        this.licenseSerial = licenseSerial;
        this.computers = computers;
        this.licensedCount = licensedCount;
        this.now = now;
    }

    void run(Connection connection) throws SQLException {
        ForkJoinPool makers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try (PreparedStatement clients = connection.prepareStatement(INSERT_CLIENT);
                PreparedStatement rows = connection.prepareStatement(INSERT_COMPUTER)) {
            ForkJoinTask<List<SeededComputer>> next = makers.submit(() -> batch(1));
            for (int first = 1; first <= computers; first += ROWS_PER_TRANSACTION) {
                List<SeededComputer> current = await(next);
                int following = first + ROWS_PER_TRANSACTION;
                next = following <= computers ? makers.submit(() -> batch(following)) : null;
                for (SeededComputer computer : current) {
                    computer.bindClient(clients);
                    clients.addBatch();
                    computer.bindComputer(rows);
                    rows.addBatch();
                }
                clients.executeBatch();
                rows.executeBatch();
                connection.commit();
            }
        } finally {
            makers.shutdownNow();
        }
    }

    /** The computers of the transaction starting at {@code first}, made in parallel on the calling pool. */
    private List<SeededComputer> batch(int first) {
        int last = Math.min(computers, first + ROWS_PER_TRANSACTION - 1);
        return IntStream.rangeClosed(first, last).parallel()
                .mapToObj(number -> SeededComputer.of(number, number <= licensedCount ? licenseSerial : null, now))
                .collect(Collectors.toList());
    }

    private static List<SeededComputer> await(ForkJoinTask<List<SeededComputer>> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making seeded computers", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot make seeded computers: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
