package org.frontierregistry.tracker.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Tier words make another model; feature and packaging words make the same one. Real pairs from the snapshots. */
class VariantRulesTest {
    @ParameterizedTest(name = "{0} folds into {1}")
    @CsvSource(delimiter = '|', value = {
        "GPT-4o Search Preview | GPT-4o",
        "openai/gpt-4o-audio-preview | gpt-4o",
        "Gemini 3.1 Pro Preview Custom Tools | google/gemini-3.1-pro-preview",
        "anthropic/claude-4.7-opus-fast | Claude Opus 4.7",
        "GPT-5.1 (high) | GPT-5.1",
        "Grok 4.1 Fast | Grok 4.1",
        "grok-4.20-beta1 | Grok 4.20",
        "grok-4.20-beta-0309-reasoning | Grok 4.20",
        "openai/gpt-5.2-chat | GPT-5.2",
        "o3 Deep Research | o3",
        "Nano Banana (Gemini 2.5 Flash Image) | Nano Banana (Gemini 2.5 Flash)",
        "claude-opus-4-6-thinking | Claude Opus 4.6",
        "deepseek-ai/DeepSeek-V4-Pro-Base | DeepSeek-V4-Pro",
        "gpt-5.4-2026-03-05_xhigh | GPT-5.4",
        "GPT-5.1 Instant | GPT-5.1",
        "Gemini 2.5 Pro (Jun 2025) | gemini-2.5-pro",
        "amazon-nova-experimental-chat-26-02-10 | amazon-nova-experimental-chat-26-01-10",
        "Qwen3-Max-Thinking | Qwen3 Max",
        "gpt-4o-mini-tts | GPT-4o mini",
        "Gemini 2.5 Flash Lite Preview 09-2025 | Gemini 2.5 Flash-Lite",
    })
    void feature_and_packaging_words_fold(String variant, String model) {
        assertEquals(VariantRules.baseKey(model), VariantRules.baseKey(variant));
        assertFalse(VariantRules.baseKey(model).isEmpty());
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {
        "GPT-5 mini | GPT-5",
        "GPT-5.4 nano | GPT-5.4",
        "Gemini 3 Flash | Gemini 3 Pro",
        "Claude Haiku 4.5 | Claude Sonnet 4.5",
        "GLM-4.5-Air | GLM-4.5",
        "Gemini 2.5 Flash-Lite | Gemini 2.5 Flash",
        "GPT-5.1-Codex | GPT-5.1",
        "GPT-5 Pro | GPT-5",
        "Qwen3.6-35B-A3B | Qwen3.6-27B",
        "DeepSeek-V4-Flash | DeepSeek-V4-Pro",
        "GPT-4o mini | GPT-4o",
        "Grok 4.1 | Grok 4.20",
        "Kimi K2.6 | Kimi K2.5",
        "Qwen3.5 397B-A17B | Qwen3.5-122B-A10B",
        "Mistral Small 4 | Mistral Large 3",
        "GPT Image 2 | GPT-2",
        "Grok Code Fast 1 | Grok 1",
        "Command R+ (08-2024) | Command R (08-2024)",
    })
    void tier_words_sizes_and_versions_keep_models_apart(String one, String other) {
        assertNotEquals(VariantRules.baseKey(other), VariantRules.baseKey(one));
    }

    @Test
    void a_product_without_a_version_has_no_key() {
        assertEquals("", VariantRules.baseKey("GPT Audio"));
        assertEquals(List.of("audio"), VariantRules.featureWords("GPT Audio"));
        assertEquals("", VariantRules.baseKey("Relace Search"));
        assertTrue(VariantRules.isProduct("GPT Audio Mini"));
        assertFalse(VariantRules.isProduct("Command R+ (08-2024)"), "a dated model without a version number is still a model");
        assertFalse(VariantRules.isProduct("Trinity Large Thinking"));
    }

    @Test
    void a_line_is_family_version_tier_and_the_words_that_tell_lines_apart() {
        ModelLine opus = VariantRules.line("Claude Opus 4.7");
        assertEquals(new ModelLine("claude", List.of(4, 7), 1, List.of()), opus);
        assertEquals(new ModelLine("gpt", List.of(5, 1), 0, List.of("codex")), VariantRules.line("GPT-5.1-Codex"));
        assertEquals(new ModelLine("o", List.of(3), -2, List.of()), VariantRules.line("o3-mini"));
        assertEquals(new ModelLine("qwen", List.of(3, 5), 0, List.of()), VariantRules.line("Qwen3.5-397B-A17B"),
                "sizes are not part of the line");
        assertTrue(VariantRules.line("Grok 4.20").newerThan(VariantRules.line("Grok 4.3")), "4.20 is a later minor than 4.3");
        assertTrue(VariantRules.line("GPT-5.1").newerThan(VariantRules.line("GPT-5")));
        assertFalse(VariantRules.line("GPT-5 Pro").newerThan(VariantRules.line("GPT-5")), "a higher tier is not a newer version");
        assertFalse(VariantRules.line("GPT-5.1-Codex").sameLine(VariantRules.line("GPT-5")));
        assertNull(VariantRules.line("Muse Spark"), "no version, no line");
    }
}
