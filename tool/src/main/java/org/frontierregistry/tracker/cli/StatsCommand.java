package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.query.OutputFormat;
import org.frontierregistry.tracker.query.Snapshot;
import org.frontierregistry.tracker.query.Stats;
import org.frontierregistry.tracker.query.StatsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Counts of the models above the line by year, quarter, organisation, country and month",
                "(the last 24 months), and coverage: the share of records having parameters, training tokens,",
                "hardware, a reported figure, two or more sources and a verified review, with the records missing each."})
public final class StatsCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv, json or markdown. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Mixin
    AsOfOption asOf;

    @Mixin
    TodayOption today;

    @Override
    public Integer call() throws IOException {
        Snapshot snapshot = asOf.load(registry.layout(), today.clock(), spec.commandLine().getErr());
        StatsWriter.write(format, Stats.of(snapshot.records().records(), snapshot.today()), spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
