package dev.primary.deployment;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the Deployment Utility, with what it printed. */
record UtilityRun(int exitCode, String out, String err) {
    static UtilityRun of(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = DeploymentUtilityMain.run(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new UtilityRun(exitCode, out.toString(), err.toString());
    }
}
