package org.coreg.cli;

import java.io.IOException;
import picocli.CommandLine;

/**
 * Turns a failure into one plain line on standard error ("coreg: FILE: problem") and exit status 1; a stack trace is
 * printed only for unexpected errors (a bug), and only with {@code --debug}-style verbosity via the log.
 */
final class PlainErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
            cl.getErr().println("coreg: " + ex.getMessage());
            return 1;
        }
        cl.getErr().println("coreg: unexpected error: " + ex);
        ex.printStackTrace(cl.getErr());
        return 2;
    }
}
