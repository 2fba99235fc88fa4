package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The second wave of sources, each parsed from its real saved snapshot: counts and exact fields. */
class NewSourcesSnapshotTest {
    private static Sighting find(List<Sighting> all, String key) {
        return SourceSnapshotTest.find(all, key);
    }

    @Test
    void artificial_analysis_gives_one_sighting_per_setting_with_scores_in_percent_and_the_setting_dropped_from_the_name()
            throws Exception {
        List<Sighting> all = new ArtificialAnalysisSource().parse(Fixtures.bytes(Fixtures.ARTIFICIAL_ANALYSIS), "aa.json");
        assertEquals(450, all.size());
        Sighting oss = find(all, "gpt-oss-20b");
        assertEquals("gpt-oss-20B", oss.name());
        assertEquals(List.of("gpt-oss-20B (high)", "gpt-oss-20b"), oss.otherNames());
        assertEquals(List.of("OpenAI"), oss.organizations());
        assertEquals(LocalDate.of(2025, 8, 5), oss.date());
        assertEquals(Map.of("mmlu_pro", 74.8, "gpqa_diamond", 68.8, "hle", 9.8, "aa_intelligence_index", 24.5), oss.benchmarks());
        assertEquals(20e9, oss.parameters(), "size read from the name");
        assertTrue(oss.evidence().endsWith("blended price $0.09 per million tokens."), oss.evidence());
        assertEquals(List.of("Moonshot"), all.stream().filter(s -> s.name().startsWith("Kimi K2")).findFirst().orElseThrow()
                .organizations(), "Artificial Analysis's 'Kimi' is Epoch's Moonshot");
    }

    @Test
    void hugging_face_marks_quantisations_fine_tunes_and_conversions_of_others_models_as_not_new() throws Exception {
        List<Sighting> all = new HuggingFaceSource().parse(Fixtures.bytes(Fixtures.HUGGINGFACE), "hf.json");
        assertEquals(1000, all.size());
        Sighting v4 = find(all, "deepseek-ai/DeepSeek-V4-Pro");
        assertTrue(v4.notable());
        assertEquals("DeepSeek-V4-Pro", v4.name());
        assertEquals(List.of("DeepSeek"), v4.organizations());
        assertEquals(LocalDate.of(2026, 4, 22), v4.date());
        assertEquals(Map.of("huggingface", List.of("deepseek-ai/DeepSeek-V4-Pro")), v4.identifiers());
        Sighting qwen = find(all, "Qwen/Qwen3.6-35B-A3B");
        assertEquals(35e9, qwen.parameters());
        assertEquals(3e9, qwen.activeParameters());
        long derived = all.stream().filter(s -> !s.notable()).count();
        assertTrue(derived > 400, "most trending repositories are derived: " + derived);
        assertTrue(all.stream().filter(s -> !s.notable()).allMatch(s -> s.evidence().contains("so not a new model")));
    }

    @Test
    void third_party_quantisations_and_gguf_repositories_offer_no_identifier_or_name_for_the_model() throws Exception {
        List<Sighting> all = new HuggingFaceSource().parse(Fixtures.bytes(Fixtures.HUGGINGFACE), "hf.json");
        for (String repo : List.of("unsloth/DeepSeek-V4-Pro", "unsloth/Kimi-K2.6-GGUF", "AesSedai/Kimi-K2.6-GGUF",
                "casperhansen/llama-3.3-70b-instruct-awq", "lovedheart/DeepSeek-V4-Flash-GGUF")) {
            Sighting s = find(all, repo);
            assertFalse(s.notable(), repo);
            assertEquals(Map.of(), s.identifiers(), repo + " is someone else's packaging, not the model's key");
            assertEquals(repo, s.name(), "its name stays under the packager's account, so it never becomes an alias");
        }
        // The lab's own upload keeps its identifier.
        assertEquals(Map.of("huggingface", List.of("deepseek-ai/DeepSeek-V4-Flash")),
                find(all, "deepseek-ai/DeepSeek-V4-Flash").identifiers());
    }

    @Test
    void without_tags_a_packaging_word_under_an_unknown_account_marks_a_conversion_but_not_under_a_labs_account() {
        assertEquals("a packaged conversion by someone", HuggingFaceSource.derivation("someone", "Kimi-K2.6-GGUF", List.of()));
        assertEquals("a packaged conversion by someone", HuggingFaceSource.derivation("someone", "llama-3.3-70b-instruct-awq", List.of()));
        assertEquals("a packaged conversion by someone", HuggingFaceSource.derivation("someone", "GLM-5.1-4bit", List.of()));
        assertNull(HuggingFaceSource.derivation("Qwen", "Qwen3-8B-GGUF", List.of()), "a lab's own conversion");
        assertNull(HuggingFaceSource.derivation("someone", "Awqward-70B", List.of()), "a word inside a name is no packaging");
        assertNull(HuggingFaceSource.derivation("someone", "Model-GGUF", List.of("base_model:quantized:someone/Model")),
                "the tags say it is the owner's own");
    }

    @Test
    void feeds_turn_release_posts_into_leads_and_ignore_the_rest() throws Exception {
        List<Sighting> anthropic = new FeedsSource().parse(Fixtures.bytes(Fixtures.FEEDS.resolve("anthropic_news_2026-08-22.xml")),
                "anthropic.xml");
        Sighting opus = anthropic.stream().filter(s -> s.name().equals("Claude Opus 4.7")).findFirst().orElseThrow();
        assertEquals(List.of("Anthropic"), opus.organizations());
        assertEquals(LocalDate.of(2026, 4, 16), opus.date());
        assertTrue(anthropic.stream().anyMatch(s -> s.name().equals("Claude Mythos 5")), "a title naming two models gives both");
        assertFalse(anthropic.stream().anyMatch(s -> s.name().contains("raises")), "funding news is not a model");
        assertEquals(List.of("xAI"), new FeedsSource().parse(Fixtures.bytes(Fixtures.FEEDS.resolve("xai_news_2026-05-22.xml")),
                "xai.xml").get(0).organizations());
    }

    @Test
    void feed_titles_name_models_only_when_they_announce_one() {
        assertEquals(List.of("Claude Opus 4.7"), FeedsSource.modelNames("Introducing Claude Opus 4.7"));
        assertEquals(List.of("Claude Fable 5", "Claude Mythos 5"), FeedsSource.modelNames("Claude Fable 5 and Claude Mythos 5"));
        assertEquals(List.of("Grok 4.1 Fast"), FeedsSource.modelNames("Grok 4.1 Fast and Agent Tools API"));
        assertEquals(List.of("o3-mini"), FeedsSource.modelNames("OpenAI o3-mini"));
        assertEquals(List.of("Muse Spark"), FeedsSource.modelNames("Introducing Muse Spark: Scaling Towards Personal Superintelligence"));
        assertEquals(List.of(), FeedsSource.modelNames("Anthropic raises $30 billion in Series G funding"));
        assertEquals(List.of(), FeedsSource.modelNames("GPT-5.2 derives a new result in theoretical physics"));
        assertEquals(List.of(), FeedsSource.modelNames("How Claude's text watermark works"));
    }

    @Test
    void epoch_notable_models_are_read_with_the_same_columns_and_small_or_old_rows_are_not_candidates() throws Exception {
        List<Sighting> all = new EpochSource().parse(Fixtures.bytes(Fixtures.EPOCH_NOTABLE), "notable.csv");
        assertEquals(1036, all.size());
        Sighting composer = find(all, "Composer 2");
        assertEquals(2.32e25, composer.flop());
        assertEquals("Confident", composer.flopConfidence());
        assertTrue(composer.notable());
        assertTrue(find(all, "Claude Opus 4.7").notable(), "no figure, published 2026: worth a look");
        assertFalse(find(all, "Nemotron 3-Nano-30B-A3B").notable(), "4.8e23 FLOP is far under the line");
    }

    @Test
    void epoch_capability_index_gives_scores_as_a_benchmark() throws Exception {
        List<Sighting> all = new EpochSource().parse(Fixtures.bytes(Fixtures.EPOCH_ECI), "eci.csv");
        assertTrue(all.size() > 100 && all.size() < 591, "only scored versions: " + all.size());
        assertTrue(all.stream().allMatch(s -> s.benchmarks().containsKey("epoch_capabilities_index")));
        assertNull(all.stream().filter(s -> s.key().startsWith("claude-opus-4-7")).findFirst().orElse(null),
                "versions without an ECI score are left out");
    }

    @Test
    void lmarena_2026_json_gives_the_top_of_the_table_with_scores() throws Exception {
        List<Sighting> all = new LmarenaSource().parse(Fixtures.bytes(Fixtures.LMARENA_2026), "text.json");
        assertEquals(71, all.size());
        Sighting top = find(all, "claude-opus-4-6-thinking");
        assertEquals(Map.of("lmarena_text", 1504.0), top.benchmarks());
        assertEquals(List.of("Anthropic"), top.organizations());
        assertEquals("API access", top.accessibility());
        assertTrue(top.notable());
    }
}
