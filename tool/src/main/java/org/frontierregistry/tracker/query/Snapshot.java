package org.frontierregistry.tracker.query;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.StandIns;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;

/**
 * The records a question is asked of: the checkout as it is now, or the registry as it stood at the end
 * of a day (the last commit on the main branch at or before that day, read from Git without checking out).
 *
 * @param report  the validation of those records (problems say which files could not be read)
 * @param today   the day "now" means for this snapshot: today, or the as-of day
 * @param origin  where the records came from, for people ("models/ in the checkout", "main at 1a2b3c4 …")
 */
public record Snapshot(ValidationReport report, LocalDate today, String origin) {
    /** The branch whose history answers --as-of. */
    public static final String BRANCH = "main";

    public RecordSet records() {
        return report.records();
    }

    /** Record files that could not be read at all (broken YAML, schema errors): they are left out of answers. */
    public int unreadable() {
        return report.filesChecked() - report.records().size();
    }

    public static Snapshot current(RegistryLayout layout, Clock clock) throws IOException {
        return current(layout, clock, Validator.forRegistry(layout, clock));
    }

    /** @param validator the registry's validator, made with {@code clock} */
    public static Snapshot current(RegistryLayout layout, Clock clock, Validator validator) {
        return current(layout, clock, validator, StandIns.NONE);
    }

    /** As {@link #current(RegistryLayout, Clock, Validator)}, with records unchanged since the clean run taken as {@code standIns} gives them. */
    public static Snapshot current(RegistryLayout layout, Clock clock, Validator validator, StandIns standIns) {
        ValidationReport report = validator.validateAll(layout, standIns);
        return new Snapshot(report, LocalDate.now(clock), "models/ in " + layout.root());
    }

    /**
     * The registry at the end of {@code day} (UTC). Records are validated by today's rules with the clock
     * set to that day, so a record that was fine then is read as it was.
     */
    public static Snapshot asOf(RegistryLayout layout, LocalDate day) throws IOException {
        try (GitRecordSource git = open(layout.root())) {
            Optional<RevCommit> commit = git.lastCommitOnOrBefore(BRANCH, day);
            if (commit.isEmpty()) {
                RevCommit first = git.firstCommit(BRANCH);
                throw new QueryException("--as-of " + day + " is before the first commit on " + BRANCH + " ("
                        + commitDay(first) + ", " + first.abbreviate(7).name() + "): the registry had no records yet. "
                        + "Give a date on or after " + commitDay(first) + ".");
            }
            RevCommit at = commit.get();
            Map<Path, byte[]> files = new LinkedHashMap<>();
            git.recordFiles(at).forEach((path, bytes) -> files.put(layout.root().resolve(path), bytes));
            Clock endOfDay = Clock.fixed(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1), ZoneOffset.UTC);
            ValidationReport report = Validator.forRegistry(layout, endOfDay).validateFiles(files);
            return new Snapshot(report, day, BRANCH + " at " + at.abbreviate(7).name() + " (committed " + commitDay(at)
                    + ": " + at.getShortMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new QueryException("--as-of: " + e.getMessage());
        }
    }

    private static GitRecordSource open(Path root) throws IOException {
        try {
            return GitRecordSource.open(root);
        } catch (IllegalArgumentException e) {
            throw new QueryException("--as-of reads the registry's Git history, but " + root
                    + " is not inside a Git repository (clone the registry with git to use it)");
        }
    }

    static LocalDate commitDay(RevCommit commit) {
        return LocalDate.ofInstant(commit.getCommitterIdent().getWhenAsInstant(), ZoneOffset.UTC);
    }
}
