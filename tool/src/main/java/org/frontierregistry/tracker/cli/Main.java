package org.frontierregistry.tracker.cli;

import java.io.PrintWriter;
import org.frontierregistry.tracker.io.WriteFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code tracker}: one picocli subcommand per task, errors as one line, documented exit codes. */
@Command(name = "tracker", mixinStandardHelpOptions = true, version = "tracker 0.1.0",
        description = "Validate, estimate, query and publish the registry of AI models trained with more than 1e25 FLOP.",
        subcommands = {ValidateCommand.class, BuildCommand.class, DiffCommand.class, QueryCommand.class, StatsCommand.class,
                NewCommand.class,
                ShowCommand.class, ReviewCommand.class,
                EstimateCommand.class, ImputationCommand.class,
                ScrapeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, no problems", "1:problems found in the records (or the operation failed)",
                "2:usage error (unknown option, bad value)"})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the tool in-process (tests use this) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(out, err);
        return commandLine.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof TrackerException tracker) {
                cmd.getErr().println("error: " + tracker.getMessage());
                return tracker.exitCode();
            }
            if (exception instanceof WriteFailure failure) {
                cmd.getErr().println("error: " + failure.getMessage());
                return ExitCodes.PROBLEMS;
            }
            cmd.getErr().println("error: unexpected failure: " + exception
                    + " (this is a bug in the tool; please report it with the command you ran)");
            return ExitCodes.PROBLEMS;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("error: " + exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, cmd.getErr());
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return commandLine;
    }
}
