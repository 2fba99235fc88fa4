package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every source parsed from its real saved snapshot: counts and exact fields. */
class SourceSnapshotTest {
    static Sighting find(List<Sighting> sightings, String key) {
        return sightings.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no sighting " + key));
    }

    @Test
    void epoch_snapshot_gives_one_sighting_per_model_row_with_epochs_figures() throws Exception {
        List<Sighting> all = new EpochSource().parse(Fixtures.bytes(Fixtures.EPOCH), "epoch.csv");
        assertEquals(485, all.size());
        assertEquals(295, all.stream().filter(s -> s.flop() != null).count(), "rows that carry a compute figure");

        Sighting llama = find(all, "Llama 3.1-405B");
        assertEquals("epoch", llama.source());
        assertEquals(List.of("Meta AI"), llama.organizations());
        assertEquals(LocalDate.of(2024, 7, 23), llama.date());
        assertEquals(405e9, llama.parameters());
        assertEquals(15.6e12, llama.trainingTokens());
        assertEquals(3.8e25, llama.flop());
        assertEquals("Confident", llama.flopConfidence());
        assertEquals("Open weights (restricted use)", llama.accessibility());
        assertEquals(List.of("United States of America"), llama.countries());
        assertEquals(List.of("Language"), llama.domains());
        assertEquals("https://ai.meta.com/research/publications/the-llama-3-herd-of-models/", llama.url());
        assertEquals(Map.of("epoch", List.of("Llama 3.1-405B")), llama.identifiers());

        Sighting gpt4o = find(all, "GPT-4o");
        assertNull(gpt4o.flop(), "Epoch gives no figure for GPT-4o");
        assertEquals("Speculative", gpt4o.flopConfidence());
        assertEquals("https://openai.com/index/hello-gpt-4o/", gpt4o.url(), "first of the two links in the cell");
        assertEquals(List.of("Audio", "Language", "Multimodal", "Speech", "Vision"), gpt4o.domains());

        Sighting exaone = find(all, "K-EXAONE");
        assertEquals(1.52e24, exaone.flop());
        assertEquals(List.of("Korea (Republic of)"), exaone.countries());
        assertTrue(exaone.evidence().startsWith("Epoch AI's Large-Scale AI Models dataset lists 'K-EXAONE' by LG AI Research,"
                + " published 2025-12-31, with training compute 1.52e24 FLOP (Epoch's confidence: Confident)."), exaone.evidence());
    }

    @Test
    void lmarena_snapshot_gives_every_ranked_entry_with_its_score_and_marks_the_top_as_strong() throws Exception {
        List<Sighting> all = new LmarenaSource().parse(Fixtures.bytes(Fixtures.LMARENA), "lmarena.csv");
        assertEquals(266, all.size());
        assertEquals(50, all.stream().filter(Sighting::notable).count(), "ranks 1-50");

        Sighting top = all.get(0);
        assertEquals("Gemini-2.5-Pro", top.key());
        assertEquals(Map.of("lmarena_text", 1470.0), top.benchmarks());
        assertEquals(List.of("Google DeepMind"), top.organizations());
        assertEquals("API access", top.accessibility());
        assertTrue(top.notable());
        assertEquals("The LMArena text leaderboard lists 'Gemini-2.5-Pro' (Google) at rank 1 with an arena score of 1470"
                + " from 26019 votes.", top.evidence());

        Sighting mini = find(all, "o3-mini-high");
        assertEquals(1338.0, mini.benchmarks().get("lmarena_text"));
        assertFalse(mini.notable(), "rank 51 is past the strong cut-off");

        Sighting last = all.get(all.size() - 1);
        assertEquals("LLaMA-13B", last.key());
        assertEquals(List.of("Meta AI"), last.organizations());
        assertNull(last.accessibility(), "a non-commercial licence says nothing about API access");
    }

    @Test
    void openrouter_snapshot_skips_routers_folds_variants_and_reads_stated_sizes() throws Exception {
        List<Sighting> all = new OpenRouterSource().parse(Fixtures.bytes(Fixtures.OPENROUTER), "models.json");
        assertEquals(326, all.size(), "356 listed, 13 routers or aliases skipped, 17 :variants folded");

        Sighting ring = find(all, "inclusionai/ring-2.6-1t");
        assertEquals("Ring-2.6-1T", ring.name());
        assertEquals(1e12, ring.parameters());
        assertEquals(63e9, ring.activeParameters());
        assertEquals(LocalDate.of(2026, 5, 8), ring.date());
        assertEquals(List.of("Ant Group"), ring.organizations());
        assertEquals(List.of("inclusionai/ring-2.6-1t", "inclusionai/ring-2.6-1t-20260508"), ring.otherNames());

        Sighting medium = find(all, "mistralai/mistral-medium-3-5");
        assertEquals(128e9, medium.parameters());
        assertNull(medium.activeParameters());
        assertEquals(List.of("Mistral AI"), medium.organizations());
        assertEquals("API access", medium.accessibility());

        Sighting qwen = find(all, "qwen/qwen3.6-35b-a3b");
        assertEquals(35e9, qwen.parameters());
        assertEquals(3e9, qwen.activeParameters());
        assertEquals(Map.of("huggingface", List.of("Qwen/Qwen3.6-35B-A3B"), "openrouter", List.of("qwen/qwen3.6-35b-a3b")),
                qwen.identifiers());
        assertNull(qwen.accessibility(), "open weights, licence not stated: left for the reviewer");

        assertTrue(all.stream().noneMatch(s -> s.key().startsWith("~") || s.key().startsWith("openrouter/")));
        assertTrue(all.stream().noneMatch(s -> s.key().contains(":")));
    }

    @Test
    void a_renamed_column_fails_loudly_naming_it() {
        String csv = new String(Fixtures.bytes(Fixtures.EPOCH), StandardCharsets.UTF_8)
                .replaceFirst("Training compute \\(FLOP\\)", "Training compute [FLOP]");
        SourceShapeException e = assertThrows(SourceShapeException.class,
                () -> new EpochSource().parse(csv.getBytes(StandardCharsets.UTF_8), "epoch.csv"));
        assertTrue(e.getMessage().contains("lacks the column(s) 'Training compute (FLOP)'"), e.getMessage());
        assertTrue(e.getMessage().contains("'Training compute [FLOP]'"), "lists what is there: " + e.getMessage());
    }

    @Test
    void too_few_rows_fail_loudly() {
        String csv = new String(Fixtures.bytes(Fixtures.LMARENA), StandardCharsets.UTF_8);
        String firstTen = String.join("\n", csv.lines().limit(11).toList());
        SourceShapeException e = assertThrows(SourceShapeException.class,
                () -> new LmarenaSource().parse(firstTen.getBytes(StandardCharsets.UTF_8), "lmarena.csv"));
        assertTrue(e.getMessage().contains("has 10 rows where at least 100 are expected"), e.getMessage());
    }

    @Test
    void truncated_json_fails_loudly_with_the_place() {
        byte[] whole = Fixtures.bytes(Fixtures.OPENROUTER);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        SourceShapeException e = assertThrows(SourceShapeException.class, () -> new OpenRouterSource().parse(half, "models.json"));
        assertTrue(e.getMessage().contains("is not readable JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("may be truncated"), e.getMessage());
    }

    @Test
    void a_truncated_feed_fails_loudly_with_the_line_and_column() {
        byte[] whole = Fixtures.bytes(Fixtures.FEEDS.resolve("xai_news_2026-05-22.xml"));
        byte[] cut = java.util.Arrays.copyOf(whole, 3000);
        SourceShapeException e = assertThrows(SourceShapeException.class, () -> new FeedsSource().parse(cut, "xai.xml"));
        assertTrue(e.getMessage().startsWith("feeds: xai.xml is not readable XML ("), e.getMessage());
        assertTrue(e.getMessage().matches(".* at line [0-9]+, column [0-9]+\\); the response may be truncated"), e.getMessage());
    }

    @Test
    void json_without_the_data_array_fails_loudly() {
        SourceShapeException e = assertThrows(SourceShapeException.class,
                () -> new OpenRouterSource().parse("{\"models\": []}".getBytes(StandardCharsets.UTF_8), "models.json"));
        assertTrue(e.getMessage().contains("no \"data\" array"), e.getMessage());
    }

    @Test
    void sizes_are_read_only_from_explicit_statements() {
        assertEquals(new SizeParser.Size(1e12, 63e9), SizeParser.fromText("a 1T-parameter-scale thinking model with 63B active parameters"));
        assertEquals(new SizeParser.Size(128e9, null), SizeParser.fromText("Mistral Medium 3.5 is a dense 128B instruction-following model"));
        assertEquals(new SizeParser.Size(35e9, 3e9), SizeParser.fromText("with 35 billion total parameters and 3 billion active parameters per token"));
        assertEquals(new SizeParser.Size(8e9, null), SizeParser.fromText("a dense, decoder-only 8-billion-parameter language model"));
        assertEquals(SizeParser.Size.NONE, SizeParser.fromText("supports a 128K context and costs $2 per 1M tokens"));
        assertEquals(new SizeParser.Size(235e9, 22e9), SizeParser.fromSlug("Qwen/Qwen3-235B-A22B"));
        assertEquals(new SizeParser.Size(405e9, null), SizeParser.fromSlug("meta-llama/llama-3.1-405b-instruct"));
    }
}
