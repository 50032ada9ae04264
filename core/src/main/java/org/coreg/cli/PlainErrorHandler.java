package org.coreg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns a failure into one plain line on standard error ("coreg: FILE: problem") and exit status 1. An unexpected
 * exception (a bug, or input no check foresaw) is also one line naming it; its stack trace is printed only when the
 * environment variable {@code COREG_DEBUG} is set to 1. Errors (out of memory, stack overflow) are handled by
 * {@link ContainedFaults}.
 */
final class PlainErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
            cl.getErr().println("coreg: " + ex.getMessage());
            return 1;
        }
        if (ex instanceof UncheckedIOException u) {
            cl.getErr().println("coreg: " + u.getCause().getMessage());
            return 1;
        }
        cl.getErr().println("coreg: unexpected error: " + ex + (debug() ? "" : " (set COREG_DEBUG=1 for details)"));
        if (debug()) {
            ex.printStackTrace(cl.getErr());
        }
        return 2;
    }

    private static boolean debug() {
        return "1".equals(System.getenv("COREG_DEBUG"));
    }
}
