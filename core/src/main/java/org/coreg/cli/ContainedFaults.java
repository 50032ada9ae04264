package org.coreg.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Runs a command so that no failure escapes as a stack trace: picocli hands {@link Exception}s to
 * {@link PlainErrorHandler}, but lets {@link Error}s through, so an {@link OutOfMemoryError} (a job larger than the
 * heap) or a {@link StackOverflowError} (input nested too deeply) would end the process, or a whole batch, with a
 * trace. Here they become one plain line and exit status 1; the memory the job held is unreachable once this returns,
 * so a batch goes on with the next job.
 */
final class ContainedFaults implements CommandLine.IExecutionStrategy {
    private final CommandLine.IExecutionStrategy inner = new CommandLine.RunLast();

    @Override
    public int execute(CommandLine.ParseResult parseResult) {
        try {
            return inner.execute(parseResult);
        } catch (OutOfMemoryError e) {
            return report(parseResult, outOfMemory());
        } catch (StackOverflowError e) {
            return report(parseResult, "input nested too deeply (the call stack overflowed while reading or "
                    + "processing it)");
        } catch (VirtualMachineError | LinkageError | AssertionError e) {
            return report(parseResult, "internal error: " + e);
        }
    }

    /** The plain words for an exhausted heap: the heap and how to raise it. */
    static String outOfMemory() {
        long max = Runtime.getRuntime().maxMemory() >> 20;
        return String.format(Locale.ROOT, "out of memory: the job needs more than the %d MiB heap of this run; "
                + "raise it with COREG_JAVA_OPTS=-Xmx<size> (e.g. COREG_JAVA_OPTS=-Xmx%dm) or use smaller inputs",
                max, Math.max(1024, 2 * max));
    }

    private static int report(CommandLine.ParseResult parseResult, String message) {
        PrintWriter err = parseResult.commandSpec().commandLine().getErr();
        err.println("coreg: " + message);
        err.flush();
        return 1;
    }
}
