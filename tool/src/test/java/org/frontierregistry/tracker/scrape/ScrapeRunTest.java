package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.Checks;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared runner: matching, candidates with the engine's estimates, updates validated among the other records. */
class ScrapeRunTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T12:00:00Z"), ZoneOffset.UTC);

    static String record(String id, String name, String estimate) {
        return "# yaml-language-server: $schema=../schema/model.schema.json\n"
                + "id: " + id + "\nname: " + name + "\norganizations: [Anthropic]\npublication_date: 2025-02-24\n"
                + "domains: [Language]\ntraining_compute:\n  estimates:\n" + estimate + "status: uncertain\n"
                + "sources:\n  - {id: blog, url: \"https://example.org/" + id + "\", title: Announcement}\n"
                + "review:\n  verified: false\nprovenance: {created_by: contractor}\n";
    }

    private ScrapeRun run(TempRegistry registry) throws Exception {
        Validator validator = Validator.forRegistry(registry.layout(), CLOCK);
        ValidationReport report = validator.validateAll(registry.layout());
        assertTrue(report.clean(), report.problems().toString());
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path f : registry.layout().recordFiles()) {
            files.put("models/" + f.getFileName(), Files.readAllBytes(f));
        }
        return new ScrapeRun(report.records(), files, registry.root(), validator, Checks.standard(CLOCK), new EngineEstimates());
    }

    /** Writes a record whose derived fields the engine fills, as `tracker estimate --write` would. */
    private static void write(TempRegistry registry, String id, String text, List<ModelRecord> context) {
        CandidateEstimates.Result filled = new EngineEstimates().fill(text, context);
        assertNull(filled.failure(), filled.failure());
        registry.write(id, filled.text());
    }

    @Test
    void an_update_to_a_record_that_compares_to_another_validates_among_the_other_records(@TempDir Path temp) throws Exception {
        TempRegistry registry = TempRegistry.in(temp);
        write(registry, "claude-3-7-sonnet", record("claude-3-7-sonnet", "Claude 3.7 Sonnet",
                "    - method: reported\n      confidence: Speculative\n      inputs: {reported_flop: 3.35e25}\n"
                        + "      reasoning: A figure for the test, standing in for a reported one.\n"), List.of());
        ValidationReport first = Validator.forRegistry(registry.layout(), CLOCK).validateAll(registry.layout());
        write(registry, "claude-opus-4", record("claude-opus-4", "Claude Opus 4",
                "    - method: comparison\n      confidence: Speculative\n      inputs: {reference: claude-3-7-sonnet, ratio: 2}\n"
                        + "      reasoning: Twice the reference, standing in for a real comparison.\n"), first.records().records());

        Sighting arena = new Sighting("lmarena", "Claude Opus 4 (thinking-16k)", "Claude Opus 4 (thinking-16k)", List.of(),
                Map.of("lmarena", List.of("Claude Opus 4 (thinking-16k)")), List.of("Anthropic"), List.of(), List.of("Language"),
                null, null, null, null, null, null, null, Map.of("lmarena_text", 1373.0), null, "seen in a test", true);
        ScrapePlan plan = run(registry).plan("lmarena", List.of(arena));

        assertEquals(List.of(), plan.invalid());
        assertEquals(1, plan.updates().size());
        RecordUpdate update = plan.updates().get(0);
        assertEquals("claude-opus-4", update.recordId());
        assertTrue(update.text().contains("lmarena: [Claude Opus 4 (thinking-16k)]"), update.text());
        assertTrue(update.text().contains("lmarena_text: 1373"), update.text());
        assertEquals(List.of("Claude Opus 4 (thinking-16k)"), update.looseMatches());
    }

    @Test
    void an_epoch_row_no_record_matches_is_left_for_discovery(@TempDir Path temp) throws Exception {
        TempRegistry registry = TempRegistry.in(temp);
        List<Sighting> epoch = new EpochSource().parse(Files.readAllBytes(Path.of(
                "src/test/resources/fixtures/epoch/large_scale_ai_models_2026-02.csv")), "epoch.csv");
        Sighting glm = epoch.stream().filter(s -> s.key().equals("GLM-4.6")).findFirst().orElseThrow();
        ScrapePlan plan = run(registry).plan("epoch", List.of(glm));
        assertEquals(List.of(glm), plan.unmatched());
        assertEquals(List.of(), plan.updates());
    }

    @Test
    void epochs_revised_figure_updates_an_unverified_records_epoch_estimate_and_its_derived_fields(@TempDir Path temp)
            throws Exception {
        TempRegistry registry = TempRegistry.in(temp);
        String gpt4o = record("gpt-4o", "GPT-4o",
                "    - method: benchmark\n      confidence: Speculative\n"
                        + "      inputs: {benchmarks: [mmlu], imputed_flop: 3.8e25, imputed_by: Epoch AI}\n"
                        + "      reasoning: Epoch AI imputed the figure from benchmark scores.\n")
                .replace("domains: [Language]\n", "domains: [Language]\nbenchmarks: {mmlu: 88.7}\n");
        write(registry, "gpt-4o", gpt4o, List.of());
        assertTrue(Files.readString(registry.root().resolve("models/gpt-4o.yaml")).contains("status: likely_above"));

        Sighting revised = new Sighting("epoch", "GPT-4o", "GPT-4o", List.of(), Map.of("epoch", List.of("GPT-4o")),
                List.of("OpenAI"), List.of(), List.of("Language"), null, null, null, null, null, 5e24, "Speculative",
                Map.of(), null, "Epoch lists GPT-4o with 5e24 FLOP.", true);
        ScrapePlan plan = run(registry).plan("epoch", List.of(revised));

        assertEquals(List.of(), plan.invalid());
        RecordUpdate update = plan.updates().get(0);
        assertTrue(update.changes().contains("update the Epoch AI figure in estimate 1 from 3.8e25 to 5e24 FLOP (Epoch AI revised it)"),
                update.changes().toString());
        assertTrue(update.changes().contains("status follows: likely_above → likely_below"), update.changes().toString());
        assertTrue(update.text().contains("imputed_flop: 5e24"), update.text());
        assertTrue(update.text().contains("status: likely_below"), update.text());
    }

    @Test
    void a_verified_record_keeps_its_figure_whatever_epoch_says(@TempDir Path temp) throws Exception {
        TempRegistry registry = TempRegistry.in(temp);
        String gpt4o = record("gpt-4o", "GPT-4o",
                "    - method: benchmark\n      confidence: Speculative\n"
                        + "      inputs: {benchmarks: [mmlu], imputed_flop: 3.8e25, imputed_by: Epoch AI}\n"
                        + "      reasoning: Epoch AI imputed the figure from benchmark scores.\n")
                .replace("domains: [Language]\n", "domains: [Language]\nbenchmarks: {mmlu: 88.7}\n")
                .replace("review:\n  verified: false\n", "review:\n  verified: true\n  by: maintainer\n  date: 2025-06-01\n");
        write(registry, "gpt-4o", gpt4o, List.of());
        Sighting revised = new Sighting("epoch", "GPT-4o", "GPT-4o", List.of(), Map.of("epoch", List.of("GPT-4o")),
                List.of("OpenAI"), List.of(), List.of("Language"), null, null, 2e11, null, null, 5e24, "Speculative",
                Map.of(), null, "Epoch lists GPT-4o with 5e24 FLOP.", true);
        ScrapePlan plan = run(registry).plan("epoch", List.of(revised));
        assertEquals(List.of(), plan.updates(), "no figure, identifier or parameter count is proposed for a verified record");
    }

    @Test
    void an_arena_score_a_person_chose_among_equally_matched_entries_stays(@TempDir Path temp) throws Exception {
        TempRegistry registry = TempRegistry.in(temp);
        registry.write("claude-opus-4", record("claude-opus-4", "Claude Opus 4", "    []\n")
                .replace("  estimates:\n    []\n", "  estimates: []\n")
                .replace("domains: [Language]\n", "domains: [Language]\nidentifiers:\n  lmarena: [Claude Opus 4 (20250514),"
                        + " Claude Opus 4 (thinking-16k)]\nbenchmarks: {lmarena_text: 1366}\n"));
        Sighting thinking = new Sighting("lmarena", "Claude Opus 4 (thinking-16k)", "Claude Opus 4 (thinking-16k)", List.of(),
                Map.of("lmarena", List.of("Claude Opus 4 (thinking-16k)")), List.of("Anthropic"), List.of(), List.of("Language"),
                null, null, null, null, null, null, null, Map.of("lmarena_text", 1373.0), null, "rank 30", true);
        Sighting plain = new Sighting("lmarena", "Claude Opus 4 (20250514)", "Claude Opus 4 (20250514)", List.of(),
                Map.of("lmarena", List.of("Claude Opus 4 (20250514)")), List.of("Anthropic"), List.of(), List.of("Language"),
                null, null, null, null, null, null, null, Map.of("lmarena_text", 1366.0), null, "rank 36", true);
        ScrapePlan plan = run(registry).plan("lmarena", List.of(thinking, plain));
        assertEquals(List.of(), plan.updates(), "1366 is one of the matched entries' scores: nothing to change");
    }
}
