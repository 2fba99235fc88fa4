package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.frontierregistry.tracker.query.QueryException;
import org.frontierregistry.tracker.query.Snapshot;
import org.frontierregistry.tracker.record.RegistryLayout;
import picocli.CommandLine.Option;

/** {@code --as-of DATE}, shared by query, stats and build: answer from the registry as it stood at the end of that day. */
public class AsOfOption {
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Answer from the registry as it stood at the end of DATE (UTC): the last commit on main at or before it, read from Git history.")
    String asOf;

    public boolean given() {
        return asOf != null;
    }

    /** The records asked about; notes on stderr where they came from and what was left out. */
    public Snapshot load(RegistryLayout layout, Clock clock, PrintWriter err) throws IOException {
        Snapshot snapshot = snapshot(layout, clock);
        if (asOf != null) {
            err.println("As of " + snapshot.today() + ": " + snapshot.origin());
        }
        if (snapshot.unreadable() > 0) {
            err.println("warning: " + snapshot.unreadable() + " record file(s) could not be read and are left out; "
                    + "run 'tracker validate' to see why.");
        }
        return snapshot;
    }

    /** The records asked about, without notes. */
    public Snapshot snapshot(RegistryLayout layout, Clock clock) throws IOException {
        try {
            return asOf == null ? HeadStart.snapshot(layout, clock) : Snapshot.asOf(layout, day());
        } catch (QueryException e) {
            throw TrackerException.usage(e.getMessage());
        }
    }

    LocalDate day() {
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw TrackerException.usage("--as-of expects one day as YYYY-MM-DD, not '" + asOf + "'");
        }
    }
}
