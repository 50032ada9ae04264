package org.coreg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coreg batch JOBS}: many coreg commands, one per line of a text file, in this one process. A short
 * registration spends more time starting a JVM and compiling its loops than registering (docs/benchmarks.md); here
 * only the first job pays that. Every line is read and checked before the first job runs; a failed job is reported
 * and the others still run (unless {@code --stop-on-error}).
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run coreg commands from a file, one per line, in one process (faster than one process per job).",
            "A line is a command without the leading 'coreg', e.g. 'register --fixed mr.nii.gz --moving ct.nii.gz "
                + "--out-transform t.tfm'; arguments are separated by spaces and may be quoted with \" or '; empty "
                + "lines and lines starting with # are skipped; paths are relative to the current directory.",
            "Exit status 0 if every job succeeded, else 1."})
final class BatchCommand implements Callable<Integer> {
    /** A job: its line number in the file and its arguments. */
    record Job(int line, List<String> args) {
    }

    @Parameters(index = "0", paramLabel = "JOBS", description = "Text file (UTF-8) with one coreg command per line.")
    Path jobs;

    @Option(names = "--stop-on-error", description = "Stop at the first job that fails (default: run them all).")
    boolean stopOnError;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Builds the command line of one job (a seam for tests, which add a command that fails as they need). */
    private final java.util.function.Function<String[], CommandLine> commands;

    BatchCommand() {
        this(CoregCommand::newCommandLine);
    }

    BatchCommand(java.util.function.Function<String[], CommandLine> commands) {
        this.commands = commands;
    }

    @Override
    public Integer call() throws Exception {
        List<Job> list = read(jobs);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0, done = 0;
        List<String> uncertainJobs = new ArrayList<>();
        List<String> failedJobs = new ArrayList<>();
        for (Job job : list) {
            out.printf(Locale.ROOT, "[%d/%d] line %d: coreg %s%n", done + failed + 1, list.size(), job.line(),
                    String.join(" ", job.args()));
            out.flush();
            long t0 = System.nanoTime();
            String[] args = job.args().toArray(String[]::new);
            CommandLine[] ran = new CommandLine[1];
            int status = runContained(job, a -> ran[0] = commands.apply(a), out, err);
            double secs = (System.nanoTime() - t0) / 1e9;
            QualityReport report = ran[0] == null ? null : reportOf(ran[0], args);
            if (status == 0 && report != null && report.status() == QualityStatus.UNCERTAIN) {
                uncertainJobs.add("line " + job.line() + " (" + report.reasonsText() + ")");
            } else if (status != 0) {
                failedJobs.add("line " + job.line() + (report != null && report.status() == QualityStatus.FAILED
                        ? " (" + report.reasonsText() + ")" : ""));
            }
            if (status == 0) {
                done++;
                out.printf(Locale.ROOT, "[%d/%d] done in %.2f s%n", done + failed, list.size(), secs);
            } else {
                failed++;
                err.printf(Locale.ROOT, "coreg: batch: job %d (line %d of %s) failed with status %d%n", done + failed,
                        job.line(), jobs, status);
                if (stopOnError) {
                    break;
                }
            }
            out.flush();
            err.flush();
        }
        out.printf(Locale.ROOT, "batch: %d of %d jobs done, %d failed, %d uncertain%n", done, list.size(), failed,
                uncertainJobs.size());
        for (String u : uncertainJobs) {
            out.println("batch: uncertain: " + u);
        }
        for (String f : failedJobs) {
            out.println("batch: failed: " + f);
        }
        out.flush();
        return failed == 0 && done == list.size() ? 0 : 1;
    }

    /**
     * Runs one job so that nothing it throws, not even an {@link OutOfMemoryError} or a {@link StackOverflowError},
     * ends the batch: it is reported in plain words and the job counts as failed. {@link ContainedFaults} already
     * catches these inside the job; this is the net for what escapes it (e.g. building the command line). Once this
     * returns, nothing refers to the job's volumes any more, so the next job has the whole heap.
     */
    static int runContained(Job job, java.util.function.Function<String[], CommandLine> commands, PrintWriter out,
                            PrintWriter err) {
        try {
            String[] args = job.args().toArray(String[]::new);
            CommandLine cl = commands.apply(args);
            cl.setOut(out);
            cl.setErr(err);
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("coreg: " + ContainedFaults.outOfMemory());
            return 1;
        } catch (Throwable e) { // one job's failure, whatever it is, must not end the others
            err.println("coreg: job failed: " + e);
            return 1;
        }
    }

    /** The largest job file read. */
    static final long MAX_BYTES = 16L << 20;

    /** The quality report of a registration job that ran in {@code cl}, or null for other commands. */
    private static QualityReport reportOf(CommandLine cl, String[] args) {
        CommandLine sub = args.length == 0 ? null : cl.getSubcommands().get(args[0]);
        return sub != null && sub.getCommand() instanceof RegisterCommand r ? r.report : null;
    }

    /** The jobs of {@code file}; a line that cannot be split, or that starts another batch, fails them all. */
    static List<Job> read(Path file) throws IOException {
        List<String> lines;
        try {
            if (Files.exists(file) && (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES)) {
                // A pipe or device would block or never end; a job list is a few kilobytes.
                throw new IllegalArgumentException(file + ": expected a text file of at most " + (MAX_BYTES >> 20)
                        + " MiB, found a folder, device, pipe or larger file");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file does not exist", e);
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            List<String> args = split(text, file, i + 1);
            if (args.get(0).equals("batch")) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": a batch file cannot run another "
                        + "batch");
            }
            jobs.add(new Job(i + 1, args));
        }
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException(file + ": no jobs (every line is empty or a # comment)");
        }
        return jobs;
    }

    /** Arguments separated by blanks; "..." and '...' keep blanks (the quotes themselves are dropped). */
    static List<String> split(String text, Path file, int line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                inArg = true;
            } else if (Character.isWhitespace(ch)) {
                if (inArg) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    inArg = false;
                }
            } else {
                cur.append(ch);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(file + ": line " + line + ": a " + quote + " quote is not closed");
        }
        if (inArg) {
            args.add(cur.toString());
        }
        return args;
    }
}
