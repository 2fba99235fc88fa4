package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.publish.Publisher;
import org.frontierregistry.tracker.query.Snapshot;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.ReportPrinter;
import org.frontierregistry.tracker.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validate every record, then write the published outputs:",
                "models.csv, above_1e25_flop.csv, models.json, datapackage.json.",
                "Nothing is written when a record has problems."})
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: dist/ in the registry).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How validation problems are printed: text, github, json. Default: ${DEFAULT-VALUE}.")
    ReportPrinter.Format format;

    @Mixin
    AsOfOption asOf;

    @Override
    public Integer call() throws IOException {
        RegistryLayout layout = registry.layout();
        Snapshot snapshot = asOf.snapshot(layout, Clock.systemDefaultZone());
        ValidationReport report = snapshot.report();
        if (!report.clean()) {
            new ReportPrinter(layout::display).print(report, format, spec.commandLine().getErr());
            spec.commandLine().getErr().println("Nothing was built: fix the problems above first.");
            return ExitCodes.PROBLEMS;
        }
        Path target = out != null ? out : layout.defaultOutput();
        List<String> written = new Publisher().publish(report.records(), target);
        var stdout = spec.commandLine().getOut();
        if (asOf.given()) {
            stdout.println("As of " + snapshot.today() + ": " + snapshot.origin());
        }
        long published = report.records().records().stream().filter(r -> r.status().isPublished()).count();
        stdout.printf("Built %d records (%d above the line) into %s:%n", report.records().size(), published, layout.display(target));
        written.forEach(name -> stdout.println("  " + name));
        return ExitCodes.OK;
    }
}
