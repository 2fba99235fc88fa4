package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.record.Identifiers;
import org.frontierregistry.tracker.record.ModelRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching table: real names from the snapshots against record names, including pairs that must not match. */
class NameMatcherTest {
    static ModelRecord record(String id, String name, String... aliases) {
        return new ModelRecord(id, name, List.of(aliases), Identifiers.NONE, List.of("Lab"), List.of(), null,
                List.of("Language"), null, null, null, null, null, Map.of(), null, null, null, null, List.of(), null, null, null);
    }

    static final NameMatcher MATCHER = new NameMatcher(List.of(
            record("gpt-4o", "GPT-4o"),
            record("gpt-4o-mini", "GPT-4o mini"),
            record("gpt-4", "GPT-4"),
            record("gpt-4-turbo", "GPT-4 Turbo"),
            record("gpt-4-5", "GPT-4.5"),
            record("o1", "o1"),
            record("o1-mini", "o1-mini"),
            record("o3", "o3"),
            record("o3-mini", "o3-mini"),
            record("llama-3-1-405b", "Llama 3.1 405B"),
            record("llama-3-1-70b", "Llama 3.1 70B"),
            record("llama-3-70b", "Llama 3 70B"),
            record("llama-4-maverick", "Llama 4 Maverick"),
            record("gemini-2-5-pro", "Gemini 2.5 Pro"),
            record("gemini-2-5-flash", "Gemini 2.5 Flash"),
            record("gemini-2-0-pro", "Gemini 2.0 Pro"),
            record("gemini-1-5-pro", "Gemini 1.5 Pro"),
            record("claude-3-5-sonnet", "Claude 3.5 Sonnet"),
            record("claude-3-opus", "Claude 3 Opus"),
            record("claude-opus-4", "Claude Opus 4"),
            record("claude-opus-4-7", "Claude Opus 4.7"),
            record("claude-sonnet-4", "Claude Sonnet 4"),
            record("grok-3", "Grok 3"),
            record("grok-4", "Grok 4"),
            record("qwen3-235b-a22b", "Qwen3-235B-A22B"),
            record("qwen3-30b-a3b", "Qwen3-30B-A3B"),
            record("qwen2-5-72b", "Qwen2.5-72B"),
            record("qwen2-5-max", "Qwen2.5-Max"),
            record("deepseek-v3", "DeepSeek-V3"),
            record("deepseek-r1", "DeepSeek-R1"),
            record("glm-4-5", "GLM-4.5"),
            record("kimi-k2", "Kimi K2"),
            record("mistral-large-2", "Mistral Large 2"),
            record("command-r-plus", "Command R+", "Command R plus")));

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "gpt-4o-2024-05-13|gpt-4o",
            "GPT-4o|gpt-4o",
            "openai/gpt-4o|gpt-4o",
            "OpenAI: GPT-4o|gpt-4o",
            "ChatGPT-4o-latest (2025-03-26)|gpt-4o",
            "gpt-4o-mini-2024-07-18|gpt-4o-mini",
            "gpt-4-0314|gpt-4",
            "gpt-4-turbo-2024-04-09|gpt-4-turbo",
            "GPT-4.5-Preview|gpt-4-5",
            "o1-2024-12-17|o1",
            "o1-mini|o1-mini",
            "o3-mini-high|o3-mini",
            "o3-2025-04-16|o3",
            "Meta-Llama-3.1-405B-Instruct|llama-3-1-405b",
            "llama-3.1-405b-instruct-bf16|llama-3-1-405b",
            "meta-llama/Llama-3.1-405B|llama-3-1-405b",
            "Llama 3.1-405B|llama-3-1-405b",
            "Meta-Llama-3.1-70B-Instruct|llama-3-1-70b",
            "llama-3-70b-instruct|llama-3-70b",
            "Llama-4-Maverick-03-26-Experimental|llama-4-maverick",
            "Gemini-2.5-Pro|gemini-2-5-pro",
            "Gemini-2.5-Pro-Preview-05-06|gemini-2-5-pro",
            "google/gemini-2.5-pro|gemini-2-5-pro",
            "Gemini-2.5-Flash-Preview-04-17|gemini-2-5-flash",
            "Gemini-2.0-Pro-Exp-02-05|gemini-2-0-pro",
            "gemini-1.5-pro-002|gemini-1-5-pro",
            "gemini-1.5-pro-exp-0801|gemini-1-5-pro",
            "claude-3-5-sonnet-20240620|claude-3-5-sonnet",
            "anthropic/claude-3.5-sonnet|claude-3-5-sonnet",
            "claude-3-opus-20240229|claude-3-opus",
            "Claude Opus 4 (20250514)|claude-opus-4",
            "Claude Opus 4 (thinking-16k)|claude-opus-4",
            "anthropic/claude-4.7-opus-20260416|claude-opus-4-7",
            "Anthropic: Claude Opus 4.7 (Fast)|claude-opus-4-7",
            "claude-sonnet-4-20250514|claude-sonnet-4",
            "Grok-3-Preview-02-24|grok-3",
            "grok-2-2024-08-13|",
            "Grok-4-0709|grok-4",
            "x-ai/grok-4|grok-4",
            "Qwen3-235B-A22B-Instruct-2507|qwen3-235b-a22b",
            "Qwen3-235B-A22B-no-thinking|qwen3-235b-a22b",
            "Qwen/Qwen3-235B-A22B|qwen3-235b-a22b",
            "Qwen3-30B-A3B-Instruct-2507|qwen3-30b-a3b",
            "qwen2.5-72b-instruct|qwen2-5-72b",
            "Qwen2.5-Max|qwen2-5-max",
            "DeepSeek-V3-0324|deepseek-v3",
            "deepseek/deepseek-chat-v3|deepseek-v3",
            "DeepSeek-R1-0528|deepseek-r1",
            "GLM-4.5|glm-4-5",
            "kimi-k2-0711-preview|kimi-k2",
            "moonshotai/kimi-k2|kimi-k2",
            "Command-R+|command-r-plus",
            "cohere/command-r-plus|command-r-plus",
    })
    void tricky_real_names_match_the_right_record(String seen, String expected) {
        NameMatcher.Match match = MATCHER.match(seen);
        assertEquals(expected == null ? null : expected, match.recordId(),
                () -> "'" + seen + "' → key '" + NameNormaliser.key(seen) + "'");
    }

    @ParameterizedTest(name = "''{0}'' must not match {1}")
    @CsvSource(delimiter = '|', value = {
            "GPT-4o mini|gpt-4o",
            "openai/gpt-4o-audio-preview|gpt-4o",
            "OpenAI: GPT-4o Search Preview|gpt-4o",
            "OpenAI: GPT-4o-mini (2024-07-18)|gpt-4o",
            "gpt-4o-mini-2024-07-18|gpt-4o",
            "Gemini 2.5 Flash|gemini-2-5-pro",
            "Gemini-2.5-Flash-Lite|gemini-2-5-flash",
            "Gemini-2.5-Flash-Lite|gemini-2-5-pro",
            "GLM-4.5-Air|glm-4-5",
            "o3-mini|o3",
            "o4-mini-2025-04-16|gpt-4o-mini",
            "o1-mini|o1",
            "GPT-4.1-2025-04-14|gpt-4",
            "GPT-4.1-mini|gpt-4o-mini",
            "gpt-4-turbo-2024-04-09|gpt-4",
            "Llama-3.1-8B-Instruct|llama-3-1-405b",
            "Meta-Llama-3.1-70B-Instruct|llama-3-1-405b",
            "Llama-3.3-70B-Instruct|llama-3-1-70b",
            "llama-3-70b-instruct|llama-3-1-70b",
            "Llama-4-Scout-17B-16E-Instruct|llama-4-maverick",
            "Claude 3.5 Haiku|claude-3-5-sonnet",
            "claude-3-7-sonnet-20250219|claude-3-5-sonnet",
            "Claude Sonnet 4.5|claude-sonnet-4",
            "Claude Opus 4.1|claude-opus-4",
            "Grok-3-Mini-beta|grok-3",
            "Qwen3-235B-A22B-Thinking-2507|qwen3-30b-a3b",
            "Qwen2.5-Coder-32B-Instruct|qwen2-5-72b",
            "Qwen-Max-0919|qwen2-5-max",
            "Gemini-Exp-1206|gemini-1-5-pro",
            "DeepSeek-V3.1|deepseek-v3",
            "deepseek/deepseek-r1-distill-llama-70b|deepseek-r1",
            "mistral-large-2407|mistral-large-2",
            "Command R|command-r-plus",
            "cohere/command-r-08-2024|command-r-plus",
    })
    void different_models_with_similar_names_do_not_match(String seen, String notThis) {
        NameMatcher.Match match = MATCHER.match(seen);
        assertFalse(notThis.equals(match.recordId()),
                () -> "'" + seen + "' matched " + notThis + " via " + match.how() + " (key '" + NameNormaliser.key(seen) + "')");
    }

    @Test
    void an_outside_identifier_wins_over_any_name() {
        ModelRecord withKey = new ModelRecord("gpt-4o", "GPT-4o", List.of(),
                new Identifiers(null, List.of(), List.of("mystery-model-x"), List.of()), List.of("OpenAI"), List.of(), null,
                List.of("Language"), null, null, null, null, null, Map.of(), null, null, null, null, List.of(), null, null, null);
        NameMatcher matcher = new NameMatcher(List.of(withKey, record("mystery", "Mystery Model X")));
        Sighting arena = new Sighting("lmarena", "mystery-model-x", "mystery-model-x", List.of(),
                Map.of("lmarena", List.of("mystery-model-x")), List.of(), List.of(), List.of(), null, null, null, null,
                null, null, null, Map.of(), null, "", true);
        NameMatcher.Match match = matcher.match(arena);
        assertEquals("gpt-4o", match.recordId());
        assertEquals(NameMatcher.How.IDENTIFIER, match.how());
    }

    static Sighting capabilityIndexRow(String version, String modelName) {
        return new Sighting("epoch", version, modelName, List.of(version), Map.of(), List.of(), List.of(), List.of(), null,
                null, null, null, null, null, null, Map.of(), null, "", true);
    }

    @Test
    void a_key_that_is_one_records_name_outweighs_a_broader_name_beside_it() {
        NameMatcher matcher = new NameMatcher(List.of(record("gemini-2-0-pro", "Gemini 2.0 Pro", "gemini-exp-1206"),
                record("gemini-2-0-flash", "Gemini 2.0 Flash")));
        // Epoch's capabilities index files the December 2024 checkpoint under Gemini 2.0 Flash; the registry folded it into 2.0 Pro.
        NameMatcher.Match match = matcher.match(capabilityIndexRow("gemini-exp-1206", "Gemini 2.0 Flash"));
        assertEquals("gemini-2-0-pro", match.recordId());
        assertFalse(match.isAmbiguous());

        NameMatcher.Match unknownKey = matcher.match(new Sighting("epoch", "gemini-exp-1121", "Gemini 2.0 Flash",
                List.of("Gemini 2.0 Pro"), Map.of(), List.of(), List.of(), List.of(), null, null, null, null, null, null,
                null, Map.of(), null, "", true));
        assertTrue(unknownKey.isAmbiguous(), "a key no record has leaves two names pointing at two records ambiguous");
    }

    @Test
    void a_name_two_records_share_loosely_is_ambiguous_and_matches_neither() {
        NameMatcher matcher = new NameMatcher(List.of(record("o1", "o1"), record("o1-preview", "o1-preview")));
        NameMatcher.Match exact = matcher.match("o1-preview");
        assertEquals("o1-preview", exact.recordId(), "the exact name decides before the loose key");
        NameMatcher.Match loose = matcher.match("o1-preview-2024-09-12");
        assertFalse(loose.found());
        assertTrue(loose.isAmbiguous());
        assertEquals(java.util.Set.of("o1", "o1-preview"), loose.ambiguous());
    }

    @Test
    void the_loose_key_drops_dates_owners_and_release_words_but_keeps_sizes_and_tiers() {
        assertEquals("3.1 405b llama", NameNormaliser.key("Meta-Llama-3.1-405B-Instruct"));
        assertEquals("4o gpt", NameNormaliser.key("gpt-4o-2024-05-13"));
        assertEquals("4o gpt mini", NameNormaliser.key("OpenAI: GPT-4o mini"));
        assertEquals("235b 3 a22b qwen", NameNormaliser.key("Qwen3-235B-A22B-Instruct-2507"));
        assertEquals("", NameNormaliser.key("Gemini-Exp-1206"), "nothing distinctive left: no loose key");
    }

    @ParameterizedTest(name = "''{0}'' is named ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "o3-2025-04-16|o3",
            "Qwen3-30B-A3B-Instruct-2507|Qwen3-30B-A3B",
            "Gemini-2.0-Flash-Thinking-Exp-01-21|Gemini-2.0-Flash",
            "Claude Opus 4 (thinking-16k)|Claude Opus 4",
            "chocolate (Early Grok-3)|chocolate (Early Grok-3)",
            "Gemini-Exp-1121|Gemini-Exp-1121",
            "Hunyuan-Turbos-20250416|Hunyuan-Turbos",
            "Anthropic: Claude Opus 4.7 (Fast)|Claude Opus 4.7",
            "Mistral Medium 3|Mistral Medium 3",
    })
    void candidate_names_drop_dates_and_release_words_but_keep_the_spelling(String seen, String expected) {
        assertEquals(expected, NameNormaliser.cleanName(seen));
    }

    @Test
    void a_vision_model_is_never_its_text_base_nor_the_other_way_round() throws Exception {
        NameMatcher matcher = new NameMatcher(List.of(record("glm-4-6", "GLM-4.6"), record("glm-4-5v", "GLM-4.5V"),
                record("qwen2-5-72b", "Qwen2.5-72B"), record("qwen2-5-vl-72b", "Qwen2.5-VL-72B")));
        // OpenRouter lists GLM 4.6V under the canonical slug 'z-ai/glm-4.6-20251208', which loosely is GLM-4.6.
        Sighting glm46v = new OpenRouterSource().parse(Fixtures.bytes(Fixtures.OPENROUTER), "or.json").stream()
                .filter(s -> s.key().equals("z-ai/glm-4.6v")).findFirst().orElseThrow();
        assertFalse(matcher.match(glm46v).found(), "GLM 4.6V is not GLM-4.6");
        assertFalse(matcher.match("glm-4.6v").found());
        assertEquals("glm-4-5v", matcher.match("GLM-4.5V-0728").recordId(), "a dated vision model still finds its record");
        assertEquals("qwen2-5-vl-72b", matcher.match("Qwen2.5-VL-72B-Instruct").recordId());
        assertEquals("qwen2-5-72b", matcher.match("Qwen2.5-72B-Instruct").recordId(), "a text model does not find the VL record");
        assertTrue(NameMatcher.visionName("Qwen2.5 VL 72B"));
        assertFalse(NameMatcher.visionName("DeepSeek-V3"), "a V before the version is a version letter, not vision");
        assertFalse(NameMatcher.visionName("Kimi K2.5"));
    }
}
