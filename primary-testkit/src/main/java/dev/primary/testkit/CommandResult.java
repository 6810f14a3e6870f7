package dev.primary.testkit;

/** How a command-line program ended: its exit code and what it printed. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
