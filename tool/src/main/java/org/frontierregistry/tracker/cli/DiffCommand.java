package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.diff.DiffPrinter;
import org.frontierregistry.tracker.diff.DiffReport;
import org.frontierregistry.tracker.diff.RegistryDiff;
import org.frontierregistry.tracker.diff.SideContents;
import org.frontierregistry.tracker.diff.Snapshot;
import org.frontierregistry.tracker.diff.Snapshots;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.RegistryLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What a change does to the registry and to the published list (models above 1e25 FLOP):",
                "models added and removed, status changes, training compute changes with their ratio,",
                "verified flags changed, and the fields edited in every other changed record.",
                "Both sides are read straight from Git (nothing is checked out). Without --head the records",
                "as they are on disk now are compared, committed or not (like 'git diff REV').",
                "CI runs: tracker diff --base origin/main --head HEAD --format markdown"})
public final class DiffCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "REV",
            description = "The revision to compare from: a branch, tag or commit (e.g. main, origin/main, HEAD~1).")
    String base;

    @Option(names = "--head", paramLabel = "REV",
            description = "The revision to compare to (e.g. HEAD). Default: the working tree, uncommitted edits included.")
    String head;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown (the pull-request comment) or json. Default: ${DEFAULT-VALUE}.")
    DiffPrinter.Format format;

    @Override
    public Integer call() throws IOException {
        RegistryLayout layout = registry.layout();
        DiffReport report;
        try (GitRecordSource git = openGit(layout)) {
            // The head side's files first: meanwhile the head start reads the base side's records on the other core.
            SideContents headFiles = head == null ? SideContents.onDisk(layout) : SideContents.committed(layout, git, head);
            HeadStart.DiffStart start = HeadStart.diff(layout, Clock.systemUTC(), base);
            Snapshots snapshots = new Snapshots(layout, start.validator());
            Snapshot before = start.base() != null ? start.base() : snapshots.atRevision(git, base);
            Snapshot after = snapshots.read(headFiles, before);
            report = RegistryDiff.compare(before, after);
        } catch (IllegalArgumentException e) {
            throw TrackerException.usage(e.getMessage());
        }
        new DiffPrinter().print(report, format, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private static GitRecordSource openGit(RegistryLayout layout) throws IOException {
        GitRecordSource git;
        try {
            git = GitRecordSource.open(layout.root());
        } catch (IllegalArgumentException e) {
            throw TrackerException.usage(layout.root() + " is not a Git repository: diff compares Git revisions "
                    + "(clone the repository rather than downloading it as a ZIP)");
        }
        Path workTree = git.repository().isBare() ? null : git.repository().getWorkTree().toPath().toRealPath();
        if (workTree == null || !workTree.equals(layout.root().toRealPath())) {
            git.close();
            throw TrackerException.usage("the registry " + layout.root() + " must be the top folder of its Git repository"
                    + (workTree == null ? "" : " (" + workTree + ")"));
        }
        return git;
    }
}
