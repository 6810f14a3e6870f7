package dev.primary.admin.command;

import picocli.CommandLine.Option;

/** {@code --json}: print the server's JSON answer instead of text for people. */
final class JsonOption {
    @Option(names = "--json", description = "Print the server's JSON answer instead of a table.")
    boolean json;
}
