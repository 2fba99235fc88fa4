package org.frontierregistry.tracker.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
    @TempDir
    Path dir;

    @Test
    void showsOneModelInFullFoundByIdOrByAnyAlias() {
        TempRegistry registry = TempRegistry.in(dir);
        registry.write("qwen-beta", TestRecord.of("qwen-beta").name("Qwen Beta").aliases("Qwen/Qwen-Beta-72B-Instruct")
                .orgs("Alibaba").countries("China").date("2025-07-10").parameters(7.2e10).tokens(1.8e13)
                .flop(1.2e25).pAbove(0.6).status("likely_above").method("parameters_tokens").sources(2).yaml());
        TempRegistry.Run byId = registry.run("show", "qwen-beta");
        assertEquals(0, byId.exitCode(), byId.all());
        String out = byId.out();
        assertTrue(out.startsWith("Qwen Beta  (models/qwen-beta.yaml)\n"), out);
        assertTrue(out.contains("Developers:       Alibaba (China)\n"), out);
        assertTrue(out.contains("Training compute: 1.2e25 FLOP, carried by parameters_tokens\n"), out);
        assertTrue(out.contains("  P(> 1e25 FLOP): 0.600\n"), out);
        // The estimation engine's working, then each estimate's reasoning with its sources.
        assertTrue(out.contains("Working (as 'tracker estimate qwen-beta' shows it):\n  Estimate 1: parameters_tokens (Likely)\n"
                + "    inputs:  {parameters: 2e12, tokens: 1e12}\n    formula: 6 × 2e12 × 1e12\n"), out);
        assertTrue(out.contains("Reasoning:\n  1. parameters_tokens: The developer states this figure in its technical\n"
                + "     report. [s0]\n"), out);
        assertTrue(out.contains("Status: likely_above — p_above 0.600; the rule gives likely_above when 0.5 <=\n"), out);
        assertTrue(out.contains("  s1: <https://example.org/qwen-beta/1>\n"), out);
        assertTrue(out.contains("Review: not verified yet\n"), out);

        TempRegistry.Run byAlias = registry.run("show", "QWEN qwen beta 72b_instruct");
        assertEquals(byId.out(), byAlias.out());
    }

    @Test
    void anUnknownModelIsAUsageErrorWithASuggestion() {
        TempRegistry registry = TempRegistry.in(dir);
        registry.write("qwen-beta", TestRecord.of("qwen-beta").yaml());
        TempRegistry.Run run = registry.run("show", "qwen-bta");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no record 'qwen-bta'. Did you mean 'qwen-beta'?"), run.err());
    }

    @Test
    void historyListsExactlyTheCommitsThatTouchedTheFileWithTheFieldsTheyChanged() throws Exception {
        TempRegistry registry = TempRegistry.in(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            registry.write("alpha", TestRecord.of("alpha").flop(5e25).pAbove(0.99).yaml());
            registry.write("beta", TestRecord.of("beta").yaml());
            RevCommit added = commit(git, "2025-01-10T09:00:00Z", "Ada", "Add alpha and beta");
            registry.write("alpha", TestRecord.of("alpha").flop(5e25).pAbove(0.9).status("likely_above").yaml());
            RevCommit changed = commit(git, "2025-02-01T10:00:00Z", "Bob", "Alpha: lower confidence");
            registry.write("beta", TestRecord.of("beta").orgs("Other Lab").yaml());
            commit(git, "2025-03-01T10:00:00Z", "Cy", "Beta only");
            registry.write("alpha", TestRecord.of("alpha").flop(5e25).pAbove(0.9).status("likely_above")
                    .comment("# checked against the paper\n").yaml());
            RevCommit comment = commit(git, "2025-04-01T10:00:00Z", "Dee", "Alpha: a comment");
            registry.write("alpha", TestRecord.of("alpha").flop(1e24).yaml());

            TempRegistry.Run run = registry.run("show", "alpha", "--history");
            assertEquals(0, run.exitCode(), run.all());
            assertEquals(List.of(
                    "History of models/alpha.yaml (newest first; 3 commits):",
                    "2025-04-01  " + abbrev(comment) + "  Dee  Alpha: a comment",
                    "    no field changed (layout or comments only)",
                    "2025-02-01  " + abbrev(changed) + "  Bob  Alpha: lower confidence",
                    "    changed status, training_compute.p_above",
                    "2025-01-10  " + abbrev(added) + "  Ada  Add alpha and beta",
                    "    added the record"), run.out().lines().toList());
            assertFalse(run.out().contains("Beta only"));
        }
    }

    @Test
    void historyOutsideGitSaysWhy() {
        TempRegistry registry = TempRegistry.in(dir);
        registry.write("alpha", TestRecord.of("alpha").yaml());
        TempRegistry.Run run = registry.run("show", "alpha", "--history");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("is not inside a Git repository"), run.err());
    }

    private static String abbrev(RevCommit commit) {
        return commit.abbreviate(7).name();
    }

    private RevCommit commit(Git git, String instant, String who, String message) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent ident = new PersonIdent(new PersonIdent(who, who.toLowerCase() + "@example.org"),
                Date.from(Instant.parse(instant)), TimeZone.getTimeZone("UTC"));
        return git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).call();
    }

}
