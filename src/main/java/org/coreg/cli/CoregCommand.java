package org.coreg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coreg} command line: one subcommand per job, all on the same engine as the workstation. */
@Command(name = "coreg", mixinStandardHelpOptions = true, version = "coreg 0.1.0",
        description = "Register CT to MRI and carry the result where it is needed.",
        subcommands = {InfoCommand.class, ConvertCommand.class, ShrinkCommand.class, InvertCommand.class,
            ComposeCommand.class, ConvertTransformCommand.class, PointsCommand.class, ResampleCommand.class,
            HardenCommand.class, RegisterCommand.class})
public final class CoregCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line (also used by tests, which call {@code execute} without exiting). */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new CoregCommand());
        cl.setExecutionExceptionHandler(new PlainErrorHandler());
        return cl;
    }
}
