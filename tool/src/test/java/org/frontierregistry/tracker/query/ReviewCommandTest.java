package org.frontierregistry.tracker.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {
    @TempDir
    Path dir;

    TempRegistry registry;

    @BeforeEach
    void queue() {
        registry = TempRegistry.in(dir);
        registry.write("old-contractor", TestRecord.of("old-contractor").date("2023-01-01").flop(5e25).pAbove(0.99)
                .comment("# Figures from the 2023 report; page 12.\n").yaml());
        registry.write("new-bot", TestRecord.of("new-bot").date("2025-05-01").createdBy("bot").flop(1.2e25).pAbove(0.6)
                .status("likely_above").comment("# Candidate from the arena scraper.\n").yaml());
        registry.write("old-bot", TestRecord.of("old-bot").date("2024-02-01").createdBy("bot").flop(4e25).pAbove(0.98).yaml());
        registry.write("checked", TestRecord.of("checked").date("2022-01-01").flop(5e25).pAbove(0.99).verified(true).yaml());
        registry.write("contradicts", TestRecord.of("contradicts").date("2022-06-01").flop(5e25).pAbove(0.3)
                .status("above").verified(true).yaml());
        registry.write("overridden", TestRecord.of("overridden").date("2022-07-01").flop(5e25).pAbove(0.3).status("above")
                .statusReasoning("The lab confirmed a larger run than the estimate shows.").verified(true).yaml());
    }

    private Path answers(String... lines) throws Exception {
        Path file = dir.resolve("answers.txt");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theQueueListsUnverifiedRecordsBotCreatedFirstOldestFirstThenContradictions() {
        TempRegistry.Run run = registry.run("review", "--list");
        assertEquals(0, run.exitCode(), run.all());
        List<String> ids = run.out().lines().skip(2).limit(4).map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of("old-bot", "new-bot", "old-contractor", "contradicts"), ids, run.out());
        assertTrue(run.out().contains("\ncontradicts     contractor  2022-06-01  above         contradicts estimate\n"), run.out());
        assertTrue(run.out().endsWith("4 records to review.\nStatus against estimate:\n"
                + "  contradicts: status above but p_above 0.300 gives likely_below\n"), run.out());
    }

    @Test
    void idsCutTheQueueToThoseRecordsInQueueOrder() throws Exception {
        TempRegistry.Run listed = registry.run("review", "--list", "new-bot", "contradicts", "checked");
        assertEquals(0, listed.exitCode(), listed.all());
        assertTrue(listed.out().startsWith("checked is not in the review queue: it is verified and its status agrees with its estimate.\n"),
                listed.out());
        List<String> ids = listed.out().lines().skip(3).limit(2).map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of("new-bot", "contradicts"), ids, listed.out());
        assertTrue(listed.out().contains("2 records to review."), listed.out());

        TempRegistry.Run verified = registry.run("review", "new-bot", "--answers", answers("v").toString(), "--by", "ada", "--today", "2025-06-02");
        assertEquals(0, verified.exitCode(), verified.all());
        assertTrue(verified.out().contains("1 record(s) in the review queue"), verified.out());
        assertTrue(Files.readString(dir.resolve("models/new-bot.yaml")).contains("verified: true"));
        assertFalse(Files.readString(dir.resolve("models/old-bot.yaml")).contains("verified: true"), "the rest of the queue is left");

        TempRegistry.Run unknown = registry.run("review", "--list", "no-such-model");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no record with id 'no-such-model'"), unknown.err());
    }

    @Test
    void answersVerifyOneRecordAndMarkAnotherBelowKeepingCommentsAndTheFilesValidate() throws Exception {
        Path answers = answers("s", "b", "too short", "The 1.2e25 figure counts a distillation run; pre-training was smaller.",
                "V", "q");
        TempRegistry.Run run = registry.run("review", "--answers", answers.toString(), "--by", "ada", "--today", "2025-06-02");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("Please write at least 10 characters"), run.out());
        assertTrue(run.out().contains("Verified 1, marked below 1, rejected 0, skipped 1."), run.out());

        String below = Files.readString(dir.resolve("models/new-bot.yaml"));
        assertTrue(below.contains("# Candidate from the arena scraper.\n"), below);
        assertTrue(below.contains("\nstatus: below\n"), below);
        assertTrue(below.contains("status_reasoning: \"The 1.2e25 figure counts a distillation run; pre-training was smaller.\""), below);
        assertTrue(below.contains("review:\n  verified: true\n  by: ada\n  date: 2025-06-02\n"), below);

        String verified = Files.readString(dir.resolve("models/old-contractor.yaml"));
        assertTrue(verified.startsWith("# yaml-language-server: $schema=../schema/model.schema.json\n# Figures from the 2023 report; page 12.\n"),
                verified);
        assertTrue(verified.contains("\nstatus: above\n"), verified);
        assertTrue(verified.contains("review:\n  verified: true\n  by: ada\n  date: 2025-06-02\n"), verified);
        String untouched = TestRecord.of("old-bot").date("2024-02-01").createdBy("bot").flop(4e25).pAbove(0.98).yaml();
        assertEquals(untouched, Files.readString(dir.resolve("models/old-bot.yaml")), "skipped records stay as they were");

        TempRegistry.Run validate = registry.run("validate", dir.resolve("models/new-bot.yaml").toString(),
                dir.resolve("models/old-contractor.yaml").toString());
        assertEquals(0, validate.exitCode(), validate.all());
        assertEquals(List.of("old-bot", "contradicts", "2"),
                registry.run("review", "--list").out().lines().skip(2).limit(3).map(l -> l.split(" ")[0]).toList());
    }

    @Test
    void aCandidateThatIsNoModelOfItsOwnIsRejectedWithItsReasonAndTheFileValidates() throws Exception {
        Path answers = answers("r", "", "A product name for old-bot with a tool-calling prompt; not a model of its own.", "q");
        TempRegistry.Run run = registry.run("review", "--answers", answers.toString(), "--by", "ada", "--today", "2025-06-02");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("[v]erify / mark [b]elow / [r]eject / [s]kip / [q]uit? r\n"), run.out());
        assertTrue(run.out().contains("Please write at least 10 characters"), run.out());
        assertTrue(run.out().contains("the bot will not propose this name again once it is on main"), run.out());
        assertTrue(run.out().contains("Verified 0, marked below 0, rejected 1, skipped 0."), run.out());

        String rejected = Files.readString(dir.resolve("models/old-bot.yaml"));
        assertTrue(rejected.contains("\nstatus: rejected\n"), rejected);
        assertTrue(rejected.contains("status_reasoning: \"A product name for old-bot with a tool-calling prompt; not a model of its own.\""),
                rejected);
        assertTrue(rejected.contains("review:\n  verified: true\n  by: ada\n  date: 2025-06-02\n"), rejected);
        TempRegistry.Run validate = registry.run("validate", dir.resolve("models/old-bot.yaml").toString());
        assertEquals(0, validate.exitCode(), validate.all());
        assertFalse(registry.run("review", "--list").out().contains("old-bot"), "a rejected, verified record leaves the queue");
    }

    @Test
    void theReviewerComesFromGitConfigWhenNotGiven() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("user", null, "name", "grace-h");
            config.save();
        }
        TempRegistry.Run run = registry.run("review", "--answers", answers("v").toString(), "--today", "2025-06-02");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("reviewing as grace-h."), run.out());
        assertTrue(Files.readString(dir.resolve("models/old-bot.yaml")).contains("  by: grace-h\n  date: 2025-06-02\n"));
    }

    @Test
    void interactiveModeIsRefusedWithoutATerminal() {
        TempRegistry.Run run = registry.run("review", "--by", "ada");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("review asks questions and needs a terminal"), run.err());
        assertTrue(run.err().contains("--answers FILE"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownAnswersAreAskedAgainAndTheEndOfTheAnswersStops() throws Exception {
        TempRegistry.Run run = registry.run("review", "--answers", answers("maybe", "s").toString(), "--by", "ada");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("Please answer v, b, r, s or q."), run.out());
        assertTrue(run.out().contains("(end of answers)"), run.out());
        assertTrue(run.out().contains("Verified 0, marked below 0, rejected 0, skipped 1."), run.out());
        assertFalse(Files.exists(dir.resolve("models/old-bot.yaml.tmp")));
    }
}
