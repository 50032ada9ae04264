package org.coreg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code coreg} command line: its exit status and what it printed. */
record CliRun(int status, String out, String err) {
    static CliRun run(String... args) {
        var cl = CoregCommand.newCommandLine(args); // as main builds it: only the named subcommand
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
