package org.frontierregistry.tracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scrape command as a user meets it: listing sources, reading snapshots, failing loudly, usage errors. */
class ScrapeCommandTest {
    static final Path OPENROUTER = Path.of("src/test/resources/fixtures/openrouter/models_2026-05.json").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void list_sources_names_each_source_with_its_live_address() {
        TempRegistry.Run run = TempRegistry.in(temp).run("scrape", "--list-sources");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("epoch       Epoch AI, Large-Scale AI Models (CSV)"), run.out());
        assertTrue(run.out().contains("live: https://epoch.ai/data/large_scale_ai_models.csv"), run.out());
        assertTrue(run.out().contains("lmarena "), run.out());
        assertTrue(run.out().contains("live: https://openrouter.ai/api/v1/models"), run.out());
    }

    @Test
    void a_snapshot_run_reports_matches_and_new_models_and_writes_nothing_without_propose() throws Exception {
        TempRegistry registry = TempRegistry.in(temp);
        TempRegistry.Run run = registry.run("scrape", "--source", "openrouter", "--snapshot", OPENROUTER.toString(),
                "--today", "2026-05-20", "--verbose");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("Registry: 0 records in the working tree"), run.out());
        assertTrue(run.out().contains("openrouter: 326 entries: 0 matched 0 records, 0 ambiguous, 326 not matched"), run.out());
        assertTrue(run.out().contains("New models: 0 proposed, "), "nothing above the line to compare with: " + run.out());
        assertTrue(run.out().contains("  report: ministral-3-3b (openrouter) — 3e9 parameters (openrouter) would need more than"
                + " 60e12 training tokens to reach 1e25 FLOP"), run.out());
        assertTrue(run.out().contains("  fold: 'GPT-4o Search Preview' (openrouter) → gpt-4o (new) — variant words: search"),
                run.out());
        assertTrue(run.out().contains("Nothing written: pass --propose"), run.out());
        try (var files = Files.list(registry.root().resolve("models"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void a_snapshot_that_changed_shape_fails_with_exit_1_and_proposes_nothing() throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "{\"models\": []}");
        TempRegistry registry = TempRegistry.in(temp.resolve("repo"));
        TempRegistry.Run run = registry.run("scrape", "--source", "openrouter", "--snapshot", broken.toString());
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.err().contains("error: openrouter: " + broken + " has no \"data\" array at the top"), run.err());
        assertTrue(run.err().contains("nothing is proposed from openrouter"), run.err());
        assertFalse(run.all().contains("Exception"), "no stack trace: " + run.all());
    }

    @Test
    void usage_errors_say_what_to_do() {
        TempRegistry registry = TempRegistry.in(temp);
        TempRegistry.Run none = registry.run("scrape");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("say which source to read: --source NAME or --source all"), none.err());
        TempRegistry.Run unknown = registry.run("scrape", "--source", "hub");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown source 'hub'; known: all, epoch, lmarena, openrouter, artificialanalysis,"
                + " huggingface, feeds"), unknown.err());
        TempRegistry.Run allWithSnapshot = registry.run("scrape", "--source", "all", "--snapshot", OPENROUTER.toString());
        assertEquals(2, allWithSnapshot.exitCode());
        assertTrue(allWithSnapshot.err().contains("with --source all, say which source each snapshot is for: --snapshot SOURCE=FILE"),
                allWithSnapshot.err());
        TempRegistry.Run otherSource = registry.run("scrape", "--source", "epoch", "--snapshot", "openrouter=" + OPENROUTER);
        assertEquals(2, otherSource.exitCode());
        assertTrue(otherSource.err().contains("is for openrouter, which this run does not read"), otherSource.err());
        TempRegistry.Run pushAlone = registry.run("scrape", "--source", "epoch", "--push");
        assertEquals(2, pushAlone.exitCode());
        assertTrue(pushAlone.err().contains("--push and --dry-run go with --propose"), pushAlone.err());
    }
}
