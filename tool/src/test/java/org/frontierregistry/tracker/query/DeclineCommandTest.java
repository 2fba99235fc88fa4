package org.frontierregistry.tracker.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reviewer turns down a bot update ("this entry is not this model") and the bot stops proposing it. */
class DeclineCommandTest {
    static final Path OPENROUTER = Path.of("src/test/resources/fixtures/openrouter/models_2026-05.json");

    @TempDir
    Path dir;

    private TempRegistry registry() {
        TempRegistry registry = TempRegistry.in(dir);
        registry.write("deepseek-r1", TestRecord.of("deepseek-r1").name("DeepSeek-R1").aliases("deepseek/deepseek-r1")
                .orgs("DeepSeek").date("2025-01-20").flop(3.5e24).pAbove(0.058).status("likely_below").yaml());
        return registry;
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("ada", "ada@example.org").setCommitter("ada", "ada@example.org").call();
    }

    @Test
    void a_declined_entry_is_written_with_its_reason_and_the_next_scrape_no_longer_proposes_it() throws Exception {
        TempRegistry registry = registry();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "deepseek-r1");
            TempRegistry.Run before = registry.run("scrape", "--source", "openrouter", "--snapshot", OPENROUTER.toString());
            assertEquals(0, before.exitCode(), before.all());
            assertTrue(before.out().contains("add deepseek/deepseek-r1-0528, deepseek/deepseek-r1 under identifiers.openrouter"), before.out());
            assertTrue(before.out().contains("tracker review --decline ID --source openrouter --name ENTRY --reason TEXT"), before.out());

            TempRegistry.Run decline = registry.run("review", "--decline", "deepseek-r1", "--source", "openrouter",
                    "--name", "deepseek/deepseek-r1-0528", "--reason", "DeepSeek-R1 (May 2025) is a retrained model Epoch AI lists apart.");
            assertEquals(0, decline.exitCode(), decline.all());
            assertTrue(decline.out().contains("declined for deepseek-r1 from openrouter: deepseek/deepseek-r1-0528"), decline.out());
            String text = Files.readString(dir.resolve("models/deepseek-r1.yaml"));
            assertTrue(text.contains("\ndeclined:\n  openrouter:\n    deepseek/deepseek-r1-0528: "
                    + "DeepSeek-R1 (May 2025) is a retrained model Epoch AI lists apart.\n"), text);
            assertTrue(text.indexOf("\ndeclined:") < text.indexOf("\nprovenance:"), "declined sits where the schema puts it: " + text);
            assertEquals(0, registry.run("validate").exitCode());
            commit(git, "Decline DeepSeek-R1-0528 for deepseek-r1");

            TempRegistry.Run after = registry.run("scrape", "--source", "openrouter", "--snapshot", OPENROUTER.toString());
            assertEquals(0, after.exitCode(), after.all());
            assertFalse(after.out().contains("r1-0528"), after.out());
            assertTrue(after.out().contains("add deepseek/deepseek-r1 under identifiers.openrouter"), "the rest of the update stays: " + after.out());
            assertTrue(after.out().contains("declined: 1 entry a reviewer declined for their record"), after.out());
            assertTrue(git.status().call().isClean(), "a scrape without --propose writes nothing");
        }
    }

    @Test
    void a_second_decline_adds_to_the_list_and_names_compare_loosely() throws Exception {
        TempRegistry registry = registry();
        assertEquals(0, registry.run("review", "--decline", "deepseek-r1", "--source", "lmarena", "--name", "deepseek-r1-0528",
                "--reason", "A dated re-release listed as a model of its own.").exitCode());
        TempRegistry.Run second = registry.run("review", "--decline", "deepseek-r1", "--source", "lmarena", "--name", "Reka-Core-20240904",
                "--name", "Reka-Core-20240722", "--reason", "Another developer's model, matched only by a shared word.");
        assertEquals(0, second.exitCode(), second.all());
        String text = Files.readString(dir.resolve("models/deepseek-r1.yaml"));
        assertTrue(text.contains("declined:\n  lmarena:\n    deepseek-r1-0528: A dated re-release listed as a model of its own.\n"
                + "    Reka-Core-20240904: \"Another developer's model, matched only by a shared word.\"\n"
                + "    Reka-Core-20240722: \"Another developer's model, matched only by a shared word.\"\n"), text);
        assertEquals(0, registry.run("validate").exitCode());
    }

    @Test
    void refusals_say_what_to_do_and_write_nothing() throws Exception {
        TempRegistry registry = registry();
        String original = Files.readString(dir.resolve("models/deepseek-r1.yaml"));

        TempRegistry.Run own = registry.run("review", "--decline", "deepseek-r1", "--source", "openrouter",
                "--name", "DeepSeek/DeepSeek-R1", "--reason", "Not this model at all, for the test.");
        assertEquals(2, own.exitCode(), own.all());
        assertTrue(own.err().contains("is one of deepseek-r1's own names or identifiers ('deepseek/deepseek-r1')"), own.err());
        assertTrue(own.err().contains("remove it from the record first"), own.err());

        TempRegistry.Run shortReason = registry.run("review", "--decline", "deepseek-r1", "--source", "lmarena",
                "--name", "deepseek-r1-0528", "--reason", "no");
        assertEquals(2, shortReason.exitCode());
        assertTrue(shortReason.err().contains("--reason needs at least 10 characters"), shortReason.err());

        TempRegistry.Run missing = registry.run("review", "--decline", "deepseek-r1", "--name", "deepseek-r1-0528");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("needs --source SOURCE, at least one --name ENTRY and --reason TEXT"), missing.err());

        TempRegistry.Run unknown = registry.run("review", "--decline", "deepseek-r2", "--source", "lmarena",
                "--name", "x-model", "--reason", "Not a model of its own at all.");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no record with id 'deepseek-r2'"), unknown.err());

        TempRegistry.Run stray = registry.run("review", "--source", "lmarena", "--by", "ada");
        assertEquals(2, stray.exitCode());
        assertTrue(stray.err().contains("go with --decline ID"), stray.err());
        assertEquals(original, Files.readString(dir.resolve("models/deepseek-r1.yaml")));
    }

    @Test
    void an_ambiguous_entry_is_given_to_its_record_under_the_sources_identifiers_or_aliases() throws Exception {
        TempRegistry registry = registry();
        registry.write("deepseek-v3", TestRecord.of("deepseek-v3").name("DeepSeek-V3").orgs("DeepSeek").date("2024-12-24")
                .flop(3.5e24).pAbove(0.058).status("likely_below").yaml());
        TempRegistry.Run openrouter = registry.run("review", "--add-name", "deepseek-r1", "--source", "openrouter",
                "--name", "deepseek/deepseek-r1:free");
        assertEquals(0, openrouter.exitCode(), openrouter.all());
        assertTrue(openrouter.out().contains("added to deepseek-r1 under identifiers.openrouter: deepseek/deepseek-r1:free"), openrouter.out());
        TempRegistry.Run aa = registry.run("review", "--add-name", "deepseek-r1", "--source", "artificialanalysis", "--name", "deepseek-r1-0120");
        assertEquals(0, aa.exitCode(), aa.all());
        String text = Files.readString(dir.resolve("models/deepseek-r1.yaml"));
        assertTrue(text.contains("name: \"DeepSeek-R1\"\naliases: [deepseek/deepseek-r1, deepseek-r1-0120]\n"
                + "identifiers: {openrouter: [\"deepseek/deepseek-r1:free\"]}\n"), text);
        assertEquals(0, registry.run("validate").exitCode());

        TempRegistry.Run again = registry.run("review", "--add-name", "deepseek-r1", "--source", "artificialanalysis", "--name", "deepseek-r1-0120");
        assertTrue(again.out().contains("already lists deepseek-r1-0120; nothing written"), again.out());
        TempRegistry.Run taken = registry.run("review", "--add-name", "deepseek-v3", "--source", "lmarena", "--name", "DeepSeek R1");
        assertEquals(2, taken.exitCode());
        assertTrue(taken.err().contains("'DeepSeek R1' already belongs to deepseek-r1 ('DeepSeek-R1'): a name may belong to one record only"),
                taken.err());
    }

    @Test
    void epoch_ai_s_first_name_for_a_model_is_its_identifier_and_another_epoch_name_is_an_alias() throws Exception {
        TempRegistry registry = registry();
        TempRegistry.Run first = registry.run("review", "--add-name", "deepseek-r1", "--source", "epoch", "--name", "DeepSeek-R1");
        assertEquals(0, first.exitCode(), first.all());
        assertTrue(first.out().contains("added to deepseek-r1 under identifiers.epoch: DeepSeek-R1"), first.out());

        // Epoch AI's capabilities index names models by their API ids.
        TempRegistry.Run second = registry.run("review", "--add-name", "deepseek-r1", "--source", "epoch", "--name", "deepseek-reasoner");
        assertEquals(0, second.exitCode(), second.all());
        assertTrue(second.out().contains("added to deepseek-r1 under aliases: deepseek-reasoner"), second.out());
        String text = Files.readString(dir.resolve("models/deepseek-r1.yaml"));
        assertTrue(text.contains("aliases: [deepseek/deepseek-r1, deepseek-reasoner]\nidentifiers: {epoch: DeepSeek-R1}\n"), text);
        assertEquals(0, registry.run("validate").exitCode());
    }
}
