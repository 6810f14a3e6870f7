package dev.primary.bench.fleet.cli;

import java.io.PrintWriter;

/**
 * Where a command writes: results to {@code out}, progress and errors to {@code err}.
 *
 * @param out standard output (the result table)
 * @param err standard error (progress lines, messages)
 */
record Console(PrintWriter out, PrintWriter err) {
}
