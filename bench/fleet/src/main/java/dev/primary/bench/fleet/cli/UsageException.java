package dev.primary.bench.fleet.cli;

/** A command line that contradicts itself (exit code 2). */
final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
        super(message);
    }
}
