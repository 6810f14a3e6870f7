package dev.primary.licensetool;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** One run of the license tool in-process, with what it printed. */
record ToolRun(int exitCode, String out, String err) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    static ToolRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = LicenseToolMain.run(new PrintWriter(out), new PrintWriter(err), CLOCK, args);
        return new ToolRun(exitCode, out.toString(), err.toString());
    }
}
