package org.frontierregistry.tracker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TestCommits;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two sides of a comparison read from a real Git repository: a file the same on both sides is read once. */
class SnapshotsTest {
    @TempDir
    Path folder;

    private TempRegistry registry;
    private Git git;
    private RevCommit first;

    @BeforeEach
    void repositoryWithTwoRecords() throws Exception {
        registry = TempRegistry.in(folder);
        git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
        registry.write("alpha", RecordYaml.of("alpha", "Alpha", "above", 2e25));
        registry.write("beta", RecordYaml.of("beta", "Beta", "likely_below", 5e24));
        first = TestCommits.everything(git, "two records");
    }

    @Test
    void aFileWithTheSameContentOnBothSidesIsTakenAsReadOnTheOtherAndAChangedOneIsReadAgain() throws Exception {
        registry.write("beta", RecordYaml.of("beta", "Beta", "likely_above", 1.2e25));
        RevCommit second = TestCommits.everything(git, "beta rises");
        Snapshots snapshots = new Snapshots(registry.layout(), Validator.forRegistry(registry.layout(), Clock.systemUTC()));

        try (GitRecordSource source = GitRecordSource.open(folder)) {
            Snapshot before = snapshots.atRevision(source, first.name());
            Snapshot after = snapshots.read(SideContents.committed(registry.layout(), source, second.name()), before);

            assertSame(record(before, "alpha"), record(after, "alpha"));
            assertNotSame(record(before, "beta"), record(after, "beta"));
            assertEquals(Status.LIKELY_ABOVE, record(after, "beta").record().status());
            assertEquals(second.name(), after.commit());
            assertEquals(List.of(), after.unreadable());
        }
    }

    @Test
    void theWorkingTreeTakesWhatTheCommitReadForAFileItHasUnchangedAndNothingElse() throws Exception {
        registry.write("beta", "id: beta\nname: [not closed\n");
        Snapshots snapshots = new Snapshots(registry.layout(), Validator.forRegistry(registry.layout(), Clock.systemUTC()));

        try (GitRecordSource source = GitRecordSource.open(folder)) {
            Snapshot before = snapshots.atRevision(source, first.name());
            Snapshot alone = snapshots.read(SideContents.onDisk(registry.layout()), null);
            Snapshot after = snapshots.read(SideContents.onDisk(registry.layout()), before);

            assertEquals(List.of("models/beta.yaml"), after.unreadable());
            assertEquals(alone.unreadable(), after.unreadable());
            assertEquals(ids(alone), ids(after));
            assertEquals(record(alone, "alpha").document().text(), record(after, "alpha").document().text());
            assertSame(record(before, "alpha"), record(after, "alpha"), "unchanged on disk since the commit");
        }
    }

    private static LoadedRecord record(Snapshot snapshot, String id) {
        return snapshot.records().loaded().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> ids(Snapshot snapshot) {
        return snapshot.records().loaded().stream().map(LoadedRecord::id).toList();
    }
}
