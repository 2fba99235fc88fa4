package org.frontierregistry.tracker.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.scrape.Sighting;
import org.junit.jupiter.api.Test;

/** Sightings of one model across sources become one body of evidence; variants of tracked records fold into them. */
class EvidenceJoinTest {
    static Sighting seen(String source, String key, String name, LocalDate date, Map<String, Double> scores, Double parameters) {
        return new Sighting(source, key, name, List.of(), Map.of(), List.of("Anthropic"), List.of(), List.of("Language"), null,
                date, parameters, null, null, null, null, scores, "https://example.org/" + source, source + " saw it.", true);
    }

    @Test
    void one_model_seen_by_four_sources_is_one_evidence_with_the_best_fact_of_each() {
        Sighting openrouter = seen("openrouter", "anthropic/claude-4.7-opus", "Claude Opus 4.7", LocalDate.of(2026, 4, 20), Map.of(), null);
        Sighting fast = seen("openrouter", "anthropic/claude-4.7-opus-fast", "Claude Opus 4.7 (Fast)", LocalDate.of(2026, 5, 12),
                Map.of(), null);
        Sighting arena = seen("lmarena", "claude-opus-4-7-thinking", "claude-opus-4-7-thinking", null, Map.of("lmarena_text", 1510.0),
                null);
        Sighting arenaPlain = seen("lmarena", "claude-opus-4-7", "claude-opus-4-7", null, Map.of("lmarena_text", 1505.0), null);
        Sighting feed = seen("feeds", "Claude Opus 4.7 @2026-04-16", "Claude Opus 4.7", LocalDate.of(2026, 4, 16), Map.of(), null);
        Sighting haiku = seen("openrouter", "anthropic/claude-haiku-4.7", "Claude Haiku 4.7", LocalDate.of(2026, 4, 20), Map.of(), null);
        Sighting audio = seen("openrouter", "openai/gpt-4o-audio", "GPT-4o Audio", LocalDate.of(2025, 1, 1), Map.of(), null);

        EvidenceJoin.Result result = new EvidenceJoin(List.of(Records.tracked("gpt-4o", "GPT-4o", "OpenAI", "likely_above", "")))
                .join(List.of(openrouter, fast, arena, arenaPlain, feed, haiku, audio));

        assertEquals(2, result.evidence().size(), result.evidence().toString());
        Evidence opus = result.evidence().get(0);
        assertEquals("Claude Opus 4.7", opus.name());
        assertEquals(List.of("openrouter", "lmarena", "feeds"), opus.sources());
        assertEquals(LocalDate.of(2026, 4, 16), opus.date().value(), "the announcement day before a listing day");
        assertEquals("feeds", opus.date().from().source());
        assertEquals(1510.0, opus.scores().get("lmarena_text"), "the best score any setting got");
        assertEquals(List.of("Claude Opus 4.7 (Fast)", "claude-opus-4-7-thinking"), opus.variants());
        assertEquals("Claude Haiku 4.7", result.evidence().get(1).name(), "a tier word is another model");

        assertEquals(1, result.folded().size());
        assertEquals("gpt-4o", result.folded().get(0).intoRecord());
        assertEquals("a variant ('audio') of the tracked model", result.folded().get(0).reason());
    }

    @Test
    void a_model_named_only_with_feature_words_takes_its_base_name() {
        Sighting only = seen("artificialanalysis", "gpt-5-4-xhigh", "GPT-5.4 xhigh", null, Map.of(), null);
        EvidenceJoin.Result result = new EvidenceJoin(List.of()).join(List.of(only));
        assertEquals("GPT-5.4", result.evidence().get(0).name());
        assertNull(result.evidence().get(0).date());
    }

    @Test
    void a_records_own_name_outranks_another_records_alias() {
        Sighting june = seen("epoch", "GPT-4 (Jun 2023)", "GPT-4 (Jun 2023)", LocalDate.of(2023, 6, 13), Map.of(), null);
        EvidenceJoin.Result result = new EvidenceJoin(List.of(
                Records.tracked("gpt-4", "GPT-4", "OpenAI", "likely_above", "aliases: [gpt-4-0613]\n"),
                Records.tracked("gpt-4-turbo", "GPT-4 Turbo", "OpenAI", "likely_above", "aliases: [gpt-4-1106-preview]\n")))
                .join(List.of(june));
        assertEquals(List.of(), result.evidence());
        assertEquals("gpt-4", result.folded().get(0).intoRecord(), "'gpt-4-1106-preview' loses its date and 'preview' too");
    }
}
