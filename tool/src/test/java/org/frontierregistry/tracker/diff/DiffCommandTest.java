package org.frontierregistry.tracker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TestCommits;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.frontierregistry.tracker.validate.ValidationCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracker diff} on a real Git repository made in a temp folder: it lists exactly the changes made. */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private TempRegistry registry;
    private Git git;
    private RevCommit first;

    @BeforeEach
    void repositoryWithFourRecords() throws Exception {
        registry = TempRegistry.in(folder);
        git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call();
        registry.write("alpha", RecordYaml.of("alpha", "Alpha", "above", 2e25));
        registry.write("beta", RecordYaml.of("beta", "Beta", "likely_below", 5e24));
        registry.write("gamma", RecordYaml.of("gamma", "Gamma", "above", 3e25));
        registry.write("delta", RecordYaml.of("delta", "Delta", "uncertain", null));
        first = commit("four records");
    }

    private RevCommit commit(String message) throws Exception {
        return TestCommits.everything(git, message);
    }

    /** The second commit: one of each kind of change. */
    private RevCommit changeEverything() throws Exception {
        registry.write("epsilon", RecordYaml.of("epsilon", "Epsilon", "likely_above", 1.5e25));
        Files.delete(registry.root().resolve("models/delta.yaml"));
        registry.write("beta", RecordYaml.of("beta", "Beta", "likely_above", 1.2e25));
        registry.write("gamma", RecordYaml.of("gamma", "Gamma", "above", 3e25, true, ""));
        registry.write("alpha", RecordYaml.of("alpha", "Alpha", "above", 2e25, false, "notes: Checked the report again.\n"));
        return commit("one change of each kind");
    }

    @Test
    void listsExactlyTheChangesBetweenTwoCommits() throws Exception {
        RevCommit second = changeEverything();

        Run run = registry.run("diff", "--base", first.name(), "--head", "main", "--format", "json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        JsonNode diff = JSON.readTree(run.out());
        assertEquals(first.name(), diff.at("/base/commit").asText());
        assertEquals(second.name(), diff.at("/head/commit").asText());
        assertEquals(List.of("epsilon"), ids(diff.get("added")));
        assertEquals(List.of("delta"), ids(diff.get("removed")));
        assertEquals(List.of("beta"), ids(diff.get("status_changes")));
        assertEquals("likely_below", diff.at("/status_changes/0/from").asText());
        assertEquals("likely_above", diff.at("/status_changes/0/to").asText());
        assertEquals("enters_the_list", diff.at("/status_changes/0/list_effect").asText());
        assertEquals(List.of("beta"), ids(diff.get("compute_changes")));
        assertEquals(5e24, diff.at("/compute_changes/0/from").asDouble());
        assertEquals(1.2e25, diff.at("/compute_changes/0/to").asDouble());
        assertEquals(2.4, diff.at("/compute_changes/0/ratio").asDouble(), 1e-12);
        assertEquals(List.of("gamma"), ids(diff.get("verified_changes")));
        assertTrue(diff.at("/verified_changes/0/to").asBoolean());
        assertEquals(List.of("alpha", "beta", "gamma"), ids(diff.get("edited")));
        assertEquals("[\"notes\"]", diff.at("/edited/0/fields").toString());
        assertEquals("[\"status\",\"training_compute\"]", diff.at("/edited/1/fields").toString());
        assertEquals("[\"review\"]", diff.at("/edited/2/fields").toString());
        assertEquals(2, diff.at("/published_list/before").asInt());
        assertEquals(4, diff.at("/published_list/after").asInt());
        assertEquals("[\"beta\",\"epsilon\"]", diff.at("/published_list/entered").toString());
        assertEquals("[]", diff.at("/published_list/left").toString());
        assertTrue(diff.get("published_list_changed").asBoolean());
        assertEquals("2024-06-01", diff.at("/published_list/as_of_before").asText(), "the newest date in the base's records");
        assertEquals("2025-01-02", diff.at("/published_list/as_of_after").asText(), "gamma's review date is now the newest");
    }

    @Test
    void aFolderNamedLikeARecordInTheWorkingTreeIsNotARecord() throws Exception {
        Files.createDirectories(registry.root().resolve("models/not-a-file.yaml"));

        Run run = registry.run("diff", "--base", first.name(), "--format", "json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertEquals(List.of(), ids(JSON.readTree(run.out()).get("added")));
    }

    @Test
    void markdownIsTheCommentAReviewerReads() throws Exception {
        changeEverything();

        Run run = registry.run("diff", "--base", "main~1", "--head", "main");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        String md = run.out();
        assertTrue(md.startsWith("### Effect on the published list (models above 1e25 FLOP)\n"), md);
        assertTrue(md.contains("**Published list: 2 → 4 models** (2 entered, 0 left).\nEntered: `beta`, `epsilon`.\n"
                + "As of (the site's date, the newest date in the records): 2024-06-01 → 2025-01-02.\n"), md);
        assertTrue(md.contains("#### Added (1)\n\n| model | status | compute (FLOP) | on the list | verified |\n|---|---|---|---|---|\n"
                + "| Epsilon (`epsilon`) | `likely_above` | 1.5e25 | yes | no |\n"), md);
        assertTrue(md.contains("#### Removed (1)\n"), md);
        assertTrue(md.contains("| Delta (`delta`) | `uncertain` | — | no | no |\n"), md);
        assertTrue(md.contains("| Beta (`beta`) | `likely_below` | `likely_above` | enters the list |\n"), md);
        assertTrue(md.contains("| Beta (`beta`) | 5e24 | 1.2e25 | ×2.40 |\n"), md);
        assertTrue(md.contains("| Gamma (`gamma`) | false | true |\n"), md);
        assertTrue(md.contains("| Alpha (`alpha`) | yes | `notes` |\n"), md);
        assertEquals(md, registry.run("diff", "--base", "main~1", "--head", "main").out(), "deterministic");
    }

    @Test
    void withoutHeadTheWorkingTreeIsComparedUncommittedEditsIncluded() throws Exception {
        registry.write("delta", RecordYaml.of("delta", "Delta", "likely_above", 1.1e25));

        JsonNode diff = JSON.readTree(registry.run("diff", "--base", "HEAD", "--format", "json").out());

        assertEquals("working tree", diff.at("/head/label").asText());
        assertTrue(diff.at("/head/commit").isNull());
        assertEquals(List.of("delta"), ids(diff.get("status_changes")));
        assertEquals("[\"delta\"]", diff.at("/published_list/entered").toString());
    }

    @Test
    void aBrokenFileIsReportedAsUnreadableNotAsRemoved() throws Exception {
        registry.write("gamma", "id: gamma\nname: [unclosed\n");
        commit("break gamma");

        Run run = registry.run("diff", "--base", "main~1", "--head", "main", "--format", "json");
        JsonNode diff = JSON.readTree(run.out());

        assertEquals("[]", diff.get("removed").toString());
        assertEquals("[\"models/gamma.yaml\"]", diff.at("/unreadable/head").toString());
        assertTrue(registry.run("diff", "--base", "main~1", "--head", "main").out()
                .contains("these files could not be read and are left out above; `tracker validate` says why: `models/gamma.yaml`"));
    }

    @Test
    void aDiffRemembersWhatItReadInTheValidationCacheAndReportsAsWithoutIt() throws Exception {
        byte[] deltaAtFirst = Files.readAllBytes(registry.root().resolve("models/delta.yaml"));
        changeEverything();
        registry.write("gamma", "id: gamma\nname: [unclosed\n"); // a broken file in the working tree, too
        assertEquals(ExitCodes.PROBLEMS, registry.run("validate").exitCode(), "fills the cache with the working tree");

        Run cold = registry.run("diff", "--base", first.name(), "--format", "json");
        Run warm = registry.run("diff", "--base", first.name(), "--format", "json");
        Run uncached = registry.run("diff", "--base", first.name(), "--format", "json", "--no-cache");

        assertEquals(ExitCodes.OK, cold.exitCode(), cold.all());
        assertEquals(uncached, cold);
        assertEquals(uncached, warm);
        assertEquals("[\"models/gamma.yaml\"]", JSON.readTree(cold.out()).at("/unreadable/head").toString());
        String trees = Files.readString(registry.layout().cacheFile().orElseThrow());
        assertTrue(trees.contains(ValidationCache.digest(deltaAtFirst) + " "),
                "a content only the base revision has is remembered for the next diff");
    }

    @Test
    void aDiffOfTwoCommitsKeepsTheTreesOfTheFilesOnDisk() throws Exception {
        for (int i = 0; i < 20; i++) {
            registry.write("model-" + i, RecordYaml.of("model-" + i, "Model " + i, "uncertain", null));
        }
        commit("twenty more records");
        for (int i = 0; i < 20; i++) {
            registry.write("model-" + i, RecordYaml.of("model-" + i, "Model " + i + ", renamed", "uncertain", null));
        }
        registry.run("validate"); // the cache now holds the renamed records' trees, and drops the committed ones
        byte[] onDisk = Files.readAllBytes(registry.root().resolve("models/model-0.yaml"));

        Run run = registry.run("diff", "--base", "HEAD", "--head", "HEAD", "--format", "json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        String trees = Files.readString(registry.layout().cacheFile().orElseThrow());
        assertTrue(trees.contains(ValidationCache.digest(onDisk) + " "),
                "a diff read no file on disk, so it cannot tell which trees are no longer needed: it drops none");
    }

    @Test
    void noChangeSaysSoAndTheListIsUnchanged() throws Exception {
        registry.write("alpha", RecordYaml.of("alpha", "Alpha", "above", 2e25).replace("flop: 2.0e25", "flop: 20000000000000000000000000"));

        Run json = registry.run("diff", "--base", "HEAD", "--format", "json");
        Run md = registry.run("diff", "--base", "HEAD");

        assertFalse(JSON.readTree(json.out()).get("published_list_changed").asBoolean(), json.out());
        assertTrue(md.out().contains("**Published list: 2 → 2 models** (0 entered, 0 left).\n\nNo record changed.\n"), md.out());
    }

    @Test
    void anUnknownRevisionIsAUsageErrorWithoutStackTrace() {
        Run run = registry.run("diff", "--base", "no-such-branch");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals("error: unknown revision 'no-such-branch' (try a branch name, a tag or a commit id)\n", run.err());
    }

    @Test
    void outsideAGitRepositoryTheErrorSaysWhy(@TempDir Path plain) {
        TempRegistry notGit = TempRegistry.in(plain);

        Run run = notGit.run("diff", "--base", "main");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("is not a Git repository"), run.err());
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
