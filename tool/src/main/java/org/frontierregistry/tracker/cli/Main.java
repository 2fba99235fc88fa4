package org.frontierregistry.tracker.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.frontierregistry.tracker.io.WriteFailure;
import org.frontierregistry.tracker.validate.SchemaUnreadable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code tracker}: one picocli subcommand per task, errors as one line, documented exit codes. */
@Command(name = "tracker", mixinStandardHelpOptions = true, version = "tracker 0.1.0",
        description = "Validate, estimate, query and publish the registry of AI models trained with more than 1e25 FLOP.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, no problems", "1:problems found in the records (or the operation failed)",
                "2:usage error (unknown option, bad value)"})
public final class Main {
    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ValidateCommand.class, BuildCommand.class, DiffCommand.class,
            QueryCommand.class, StatsCommand.class, NewCommand.class, ShowCommand.class, ReviewCommand.class,
            EstimateCommand.class, ImputationCommand.class, ScrapeCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        // The head start first: the build check reads an annotation, and a run's first annotation costs 40-60 ms.
        HeadStart.begin(args, Path.of(""), System.getenv(RegistryOptions.LAUNCHER_REPO));
        if (args.length > 0 && names(BuildCommand.class).contains(args[0])) {
            OutputLibraries.prepareInBackground();
        }
        int exitCode = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        HeadStart.finish();
        System.exit(exitCode);
    }

    /** Runs the tool in-process (tests use this) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(out, err, args.length == 0 ? null : args[0]);
        return commandLine.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * Picocli builds the model of every subcommand it is given by reflection, which was a fifth of a small
     * command's start-up: a run that names its subcommand gets only that one. Anything else (no subcommand,
     * --help, a misspelt name that needs suggestions) gets them all.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
        CommandLine commandLine = new CommandLine(new Main());
        List<Class<?>> named = SUBCOMMANDS.stream().filter(type -> names(type).contains(first)).toList();
        (named.size() == 1 ? named : SUBCOMMANDS).forEach(commandLine::addSubcommand);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof TrackerException tracker) {
                cmd.getErr().println("error: " + tracker.getMessage());
                return tracker.exitCode();
            }
            if (exception instanceof WriteFailure || exception instanceof SchemaUnreadable) {
                cmd.getErr().println("error: " + exception.getMessage());
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

    private static List<String> names(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(Arrays.asList(command.aliases()));
        names.add(command.name());
        return names;
    }
}
