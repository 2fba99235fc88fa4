package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.estimate.Estimator;
import org.frontierregistry.tracker.estimate.Working;
import org.frontierregistry.tracker.query.Lookup;
import org.frontierregistry.tracker.query.ModelView;
import org.frontierregistry.tracker.query.QueryException;
import org.frontierregistry.tracker.query.RecordHistory;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.RegistryLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"One model in full: facts, every estimate with its working, status and why, sources, review.",
                "With --history: the commits that changed its file, with the fields each one changed."})
public final class ShowCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID|NAME", description = "Record id (llama-3-1-405b) or any name or alias of the model.")
    String wanted;

    @Option(names = "--history", description = "List the commits that changed the record (newest first) instead.")
    boolean history;

    /** The estimation engine's step-by-step working; none when it cannot run (the record's own estimates are shown then). */
    static List<String> working(RecordSet records, String id) {
        try {
            return Working.text(Estimator.of(records.records()).estimate(id));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public Integer call() throws IOException {
        RegistryLayout layout = registry.layout();
        PrintWriter out = spec.commandLine().getOut();
        LoadedRecord found;
        RecordSet records = HeadStart.snapshot(layout, Clock.systemUTC()).records();
        try {
            found = Lookup.find(records, wanted);
        } catch (QueryException e) {
            throw TrackerException.usage(e.getMessage());
        }
        String file = layout.display(found.file());
        if (history) {
            List<RecordHistory.Change> changes;
            try {
                changes = RecordHistory.of(layout.root(), file);
            } catch (QueryException e) {
                throw TrackerException.failure(e.getMessage());
            }
            out.println("History of " + file + " (newest first; " + changes.size() + (changes.size() == 1 ? " commit" : " commits") + "):");
            for (RecordHistory.Change c : changes) {
                out.println(c.date() + "  " + c.commit() + "  " + c.author() + "  " + c.message());
                out.println("    " + switch (c.kind()) {
                    case ADDED -> "added the record";
                    case DELETED -> "deleted the record";
                    case CHANGED -> c.fields().isEmpty() ? "no field changed (layout or comments only)"
                            : "changed " + String.join(", ", c.fields());
                });
            }
            if (changes.isEmpty()) {
                out.println("(no commits yet: the file is new or not tracked by Git)");
            }
            out.flush();
            return ExitCodes.OK;
        }
        ModelView.lines(found.record(), file, working(records, found.id())).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
