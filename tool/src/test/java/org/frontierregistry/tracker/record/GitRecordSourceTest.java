package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRecordSourceTest {
    @TempDir
    Path repo;

    private RevCommit commitOn(Git git, String isoInstant, String file, String content) throws Exception {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(new PersonIdent("Tester", "t@example.org"),
                Date.from(Instant.parse(isoInstant)), TimeZone.getTimeZone("UTC"));
        return git.commit().setMessage("add " + file).setAuthor(who).setCommitter(who).call();
    }

    @Test
    void findsTheLastCommitOfADayAndReadsOnlyTheRecordsOfThatCommit() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            RevCommit first = commitOn(git, "2025-01-10T12:00:00Z", "models/a.yaml", "id: a\n");
            commitOn(git, "2025-01-10T23:30:00Z", "README.md", "readme\n");
            RevCommit third = commitOn(git, "2025-02-01T08:00:00Z", "models/b.yaml", "id: b\n");
            Files.writeString(repo.resolve("models/uncommitted.yaml"), "id: uncommitted\n");

            try (GitRecordSource source = GitRecordSource.open(repo)) {
                RevCommit endOfJan10 = source.lastCommitOnOrBefore("main", LocalDate.of(2025, 1, 10)).orElseThrow();
                assertEquals("add README.md", endOfJan10.getShortMessage());
                assertEquals(Map.of("models/a.yaml", "id: a\n"), asText(source.recordFiles(endOfJan10)));
                assertEquals(Map.of("models/a.yaml", "id: a\n", "models/b.yaml", "id: b\n"),
                        asText(source.recordFiles(source.resolve("main"))));
                assertEquals(third.getId(), source.lastCommitOnOrBefore("main", LocalDate.of(2030, 1, 1)).orElseThrow().getId());
                assertTrue(source.lastCommitOnOrBefore("main", LocalDate.of(2025, 1, 9)).isEmpty());
                assertEquals(first.getId(), source.firstCommit("main").getId());
            }
        }
    }

    @Test
    void unknownRevisionsAndBranchesAreClearErrors() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commitOn(git, "2025-01-10T12:00:00Z", "models/a.yaml", "id: a\n");
            try (GitRecordSource source = GitRecordSource.open(repo)) {
                IllegalArgumentException revision = assertThrows(IllegalArgumentException.class, () -> source.resolve("nope"));
                assertTrue(revision.getMessage().contains("unknown revision 'nope'"));
                IllegalArgumentException branch = assertThrows(IllegalArgumentException.class,
                        () -> source.lastCommitOnOrBefore("trunk", LocalDate.of(2025, 1, 10)));
                assertTrue(branch.getMessage().contains("no branch 'trunk'"));
            }
        }
    }

    @Test
    void aBranchThatExistsOnlyOnTheRemoteIsNamedInTheError() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("add/model").call()) {
            RevCommit commit = commitOn(git, "2025-01-10T12:00:00Z", "models/a.yaml", "id: a\n");
            var ref = git.getRepository().updateRef("refs/remotes/origin/main");
            ref.setNewObjectId(commit);
            ref.update();
            try (GitRecordSource source = GitRecordSource.open(repo)) {
                IllegalArgumentException main = assertThrows(IllegalArgumentException.class, () -> source.resolve("main"));
                assertEquals("unknown revision 'main': there is no local branch 'main'; use 'origin/main' (after 'git fetch origin' "
                        + "it is up to date)", main.getMessage());
                assertEquals(commit.getId(), source.resolve("origin/main"));
            }
        }
    }

    private static Map<String, String> asText(Map<String, byte[]> files) {
        return files.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new String(e.getValue(), StandardCharsets.UTF_8)));
    }

}
