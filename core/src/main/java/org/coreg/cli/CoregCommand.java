package org.coreg.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coreg} command line: one subcommand per job, all on the same engine as the workstation. */
@Command(name = "coreg", mixinStandardHelpOptions = true, version = "coreg 0.1.0",
        description = "Register CT to MRI and carry the result where it is needed.")
public final class CoregCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(newCommandLine(args).execute(args));
    }

    /**
     * Runs one coreg command line in this process, as {@code coreg batch} runs each of its lines (e.g. {@code
     * register --fixed F --moving M --out-transform T.tfm}, without the leading "coreg"), with its output and errors
     * (plain lines, no stack traces) written to {@code out} and {@code err}. For library callers such as the Spark
     * cohort module, so that they run exactly the code path of the command. Returns the exit status (0 = success).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = newCommandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Subcommands by name, in the order the help lists them. */
    static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("info", InfoCommand::new);
        m.put("convert", ConvertCommand::new);
        m.put("shrink", ShrinkCommand::new);
        m.put("invert", InvertCommand::new);
        m.put("compose", ComposeCommand::new);
        m.put("convert-transform", ConvertTransformCommand::new);
        m.put("points", PointsCommand::new);
        m.put("resample", ResampleCommand::new);
        m.put("harden", HardenCommand::new);
        m.put("register", RegisterCommand::new);
        m.put("batch", BatchCommand::new);
        m.put("check", CheckCommand::new);
        return m;
    }

    /** The configured command line with every subcommand (also used by tests, which call {@code execute}). */
    public static CommandLine newCommandLine() {
        return newCommandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand, only that subcommand's model is
     * built. Picocli reflects over every option of every subcommand it is given, which took about 0.2 s of a cold
     * start (docs/benchmarks.md); a batch of short runs pays that for each process. Otherwise (help, version, a
     * mistyped name) every subcommand is registered, so help lists them all and errors suggest the right name.
     */
    static CommandLine newCommandLine(String[] args) {
        CommandLine cl = new CommandLine(new CoregCommand());
        Map<String, Supplier<Object>> all = subcommands();
        Supplier<Object> only = args.length > 0 ? all.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else {
            all.forEach((name, make) -> cl.addSubcommand(name, make.get()));
        }
        return configured(cl);
    }

    /** {@code cl} with Coreg's plain error reporting: one line per failure, errors contained (ContainedFaults). */
    static CommandLine configured(CommandLine cl) {
        cl.setExecutionExceptionHandler(new PlainErrorHandler());
        cl.setExecutionStrategy(new ContainedFaults());
        return cl;
    }
}
