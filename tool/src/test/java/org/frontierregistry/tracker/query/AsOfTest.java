package org.frontierregistry.tracker.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --as-of answers from a real Git repository with commits on three dates, never from the working tree. */
class AsOfTest {
    @TempDir
    Path dir;

    TempRegistry registry;

    @BeforeEach
    void historyOnThreeDates() throws Exception {
        registry = TempRegistry.in(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            registry.write("gpt-alpha", TestRecord.of("gpt-alpha").date("2024-11-01").flop(5e25).pAbove(0.99).yaml());
            commit(git, "2025-01-10T09:00:00Z", "Add GPT Alpha");
            registry.write("qwen-beta", TestRecord.of("qwen-beta").date("2025-03-01").countries("China")
                    .flop(1.2e25).pAbove(0.6).status("likely_above").yaml());
            commit(git, "2025-03-15T23:59:00Z", "Add Qwen Beta");
            registry.write("qwen-beta", TestRecord.of("qwen-beta").date("2025-03-01").countries("China")
                    .flop(4e24).pAbove(0.1).status("likely_below").yaml());
            registry.write("deepthink-c", TestRecord.of("deepthink-c").date("2025-05-01").countries("China")
                    .flop(2e25).pAbove(0.9).status("likely_above").yaml());
            commit(git, "2025-06-20T12:00:00Z", "Qwen Beta is below the line; add DeepThink C");
        }
        registry.write("uncommitted", TestRecord.of("uncommitted").date("2025-07-01").flop(3e25).pAbove(0.99).yaml());
    }

    private void commit(Git git, String instant, String message) throws Exception {
        registry.run("estimate", "--write", "--all"); // derived values, as a contributor fills them before committing
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(new PersonIdent("Ada Reviewer", "ada@example.org"),
                Date.from(Instant.parse(instant)), TimeZone.getTimeZone("UTC"));
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    private List<String> publishedIds(String... asOf) {
        String[] args = new String[5 + asOf.length];
        System.arraycopy(new String[] {"query", "--status", "above,likely_above", "--columns", "id"}, 0, args, 0, 5);
        System.arraycopy(asOf, 0, args, 5, asOf.length);
        TempRegistry.Run run = registry.run(concat(args, "--format", "csv"));
        assertEquals(0, run.exitCode(), run.all());
        return run.out().lines().skip(1).toList();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void eachDateSeesTheLastCommitAtOrBeforeTheEndOfThatDay() {
        assertEquals(List.of("gpt-alpha"), publishedIds("--as-of", "2025-01-10"));
        assertEquals(List.of("gpt-alpha"), publishedIds("--as-of", "2025-03-14"));
        assertEquals(List.of("gpt-alpha", "qwen-beta"), publishedIds("--as-of", "2025-03-15"));
        assertEquals(List.of("gpt-alpha", "qwen-beta"), publishedIds("--as-of", "2025-06-19"));
        assertEquals(List.of("gpt-alpha", "deepthink-c"), publishedIds("--as-of", "2025-06-20"));
        assertEquals(List.of("gpt-alpha", "deepthink-c"), publishedIds("--as-of", "2030-01-01"));
        assertEquals(List.of("gpt-alpha", "deepthink-c", "uncommitted"), publishedIds(), "without --as-of: the checkout");
    }

    @Test
    void theAnswerSaysWhichCommitItCameFrom() {
        TempRegistry.Run run = registry.run("query", "--as-of", "2025-03-20");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("As of 2025-03-20: main at "), run.err());
        assertTrue(run.err().contains("(committed 2025-03-15: Add Qwen Beta)"), run.err());
    }

    @Test
    void aDateBeforeTheFirstCommitIsAClearError() {
        TempRegistry.Run run = registry.run("query", "--as-of", "2025-01-09");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--as-of 2025-01-09 is before the first commit on main (2025-01-10"), run.err());
        assertEquals("", run.out());
        TempRegistry.Run badDate = registry.run("stats", "--as-of", "1 June");
        assertEquals(2, badDate.exitCode());
        assertTrue(badDate.err().contains("--as-of expects one day as YYYY-MM-DD"), badDate.err());
    }

    @Test
    void outsideAGitRepositoryAsOfSaysWhy(@TempDir Path plain) {
        TempRegistry notGit = TempRegistry.in(plain);
        TempRegistry.Run run = notGit.run("query", "--as-of", "2025-01-10");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is not inside a Git repository"), run.err());
    }

    @Test
    void buildAsOfRebuildsTheListAsItStood(@TempDir Path out) throws Exception {
        TempRegistry.Run run = registry.run("build", "--as-of", "2025-03-15", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("As of 2025-03-15: main at "), run.out());
        String published = Files.readString(out.resolve("above_1e25_flop.csv"));
        assertTrue(published.contains("gpt-alpha") && published.contains("qwen-beta"), published);
        assertFalse(published.contains("deepthink-c") || published.contains("uncommitted"), published);
        assertTrue(Files.readString(out.resolve("index.html")).contains("<time id=\"as-of\" datetime=\"2025-03-15\">"),
                "the site is dated the --as-of day");
    }

    @Test
    void statsAsOfCountsTheRecordsOfThatDay() {
        TempRegistry.Run then = registry.run("stats", "--as-of", "2025-03-15", "--format", "csv");
        assertEquals(0, then.exitCode(), then.all());
        assertTrue(then.out().contains("\nabove_by_year,2024,1,"), then.out());
        assertTrue(then.out().contains("\nabove_by_year,2025,1,"), then.out());
        TempRegistry.Run later = registry.run("stats", "--as-of", "2025-06-20", "--format", "csv");
        assertTrue(later.out().contains("\nabove_by_country,China,1,"), later.out());
    }
}
