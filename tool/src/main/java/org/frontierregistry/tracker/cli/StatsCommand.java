package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.query.OutputFormat;
import org.frontierregistry.tracker.query.Snapshot;
import org.frontierregistry.tracker.query.Stats;
import org.frontierregistry.tracker.query.StatsWriter;
import org.frontierregistry.tracker.query.TrendsWriter;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.trend.TrendReport;
import org.frontierregistry.tracker.trend.TrendSettings;
import org.frontierregistry.tracker.validate.DidYouMean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Counts of the models above the line by year, quarter, organisation, country and month",
                "(the last 24 months), and coverage: the share of records having parameters, training tokens,",
                "hardware, a reported figure, two or more sources and a verified review, with the records missing each.",
                "With --trends: models above the line by quarter counted by probability, the growth of frontier compute",
                "and of the count, with 90% intervals, and a projection one and two years ahead (docs/methodology.md)."})
public final class StatsCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv, json or markdown. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--section", split = ",", paramLabel = "NAME",
            description = "Print only these sections: above_by_year, above_by_quarter, above_by_organization, above_by_country, above_per_month, coverage.")
    List<String> sections = new ArrayList<>();

    @Option(names = "--trends", description = "Print the trends instead of the counts: models above the line by quarter "
            + "(expected count and 90% interval), growth rates of frontier compute and of the count, projection.")
    boolean trends;

    @Option(names = "--frontier-top", paramLabel = "N", defaultValue = "" + TrendSettings.FRONTIER_TOP,
            description = "With --trends: a model is at the frontier when it is in the running top N by compute at release. "
                    + "Default: ${DEFAULT-VALUE}.")
    int frontierTop;

    @Mixin
    AsOfOption asOf;

    @Mixin
    TodayOption today;

    @Override
    public Integer call() throws IOException {
        List<String> known = Stats.SECTIONS;
        for (String section : sections) {
            if (!known.contains(section)) {
                throw TrackerException.usage("unknown section '" + section + "'. " + DidYouMean.phrase(section, known)
                        + "Known: " + String.join(", ", known) + ".");
            }
        }
        if (trends && !sections.isEmpty()) {
            throw TrackerException.usage("--section picks sections of the counts; --trends prints the trends instead. Give one of them.");
        }
        if (frontierTop < 1) {
            throw TrackerException.usage("--frontier-top expects a whole number of models of at least 1, not " + frontierTop);
        }
        RegistryLayout layout = registry.layout();
        Snapshot snapshot = asOf.load(layout, today.clock(), spec.commandLine().getErr());
        if (trends) {
            TrendReport report = registry.trendCache(layout, "stats").report(snapshot.records().records(), snapshot.today(),
                    TrendSettings.DEFAULTS.withFrontierTop(frontierTop));
            TrendsWriter.write(format, report, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
        Stats.Report report = Stats.of(snapshot.records().records(), snapshot.today());
        StatsWriter.write(format, sections.isEmpty() ? report : report.only(sections), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
