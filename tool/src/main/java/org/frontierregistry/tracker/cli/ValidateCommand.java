package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.DerivedValues;
import org.frontierregistry.tracker.validate.ReportPrinter;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check records against the schema and the rules across records.",
                "Every problem is printed as file:line:col with what to do; warnings are advice and do not fail the check.",
                "A record's missing derived values (computed by './tracker estimate --write ID') show as one problem; --verbose lists each.",
                "Exit 0 when clean (warnings allowed), 1 on problems, 2 on usage errors."})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Record files or folders to check (default: every record in models/).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people), github (workflow annotations), json (for tools), markdown (pull-request comment). Default: ${DEFAULT-VALUE}.")
    ReportPrinter.Format format;

    @Option(names = {"-v", "--verbose"}, description = "List each missing or outdated derived value instead of one problem per record.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        RegistryLayout layout = registry.layout();
        Validator validator = HeadStart.validator(layout, Clock.systemDefaultZone());
        ValidationReport report = paths.isEmpty()
                ? validator.validateAllFindings(layout)
                : validator.validateWithin(layout, expand(paths));
        new ReportPrinter(layout::display).print(verbose ? report : DerivedValues.grouped(report), format, spec.commandLine().getOut());
        return report.clean() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(RegistryLayout.yamlFilesIn(path));
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                throw TrackerException.usage("no such file or folder: " + path);
            }
        }
        return files;
    }
}
