package dev.primary.admin;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of primary-admin, with what it printed. */
record AdminRun(int exitCode, String out, String err) {
    static AdminRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = PrimaryAdminMain.run(new PrintWriter(out), new PrintWriter(err), args);
        return new AdminRun(exitCode, out.toString(), err.toString());
    }
}
