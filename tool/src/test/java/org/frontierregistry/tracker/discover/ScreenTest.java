package org.frontierregistry.tracker.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.scrape.Sighting;
import org.junit.jupiter.api.Test;

/** Each rule of the screen on its own, with thresholds read from the records. */
class ScreenTest {
    static final List<ModelRecord> RECORDS = List.of(
            Records.tracked("gpt-4", "GPT-4", "OpenAI", "likely_above", "benchmarks: {mmlu: 86.4, lmarena_text: 1210}\n"),
            Records.tracked("claude-3-opus", "Claude 3 Opus", "Anthropic", "likely_above", "benchmarks: {gpqa_diamond: 50.4}\n"),
            Records.tracked("claude-opus-4", "Claude Opus 4", "Anthropic", "likely_above", ""),
            Records.tracked("claude-sonnet-4", "Claude Sonnet 4", "Anthropic", "likely_above", ""),
            Records.tracked("llama-3-1-405b", "Llama 3.1 405B", "Meta AI", "above", "parameters: 405e9\n"),
            Records.tracked("small-model", "Small Model 1", "Example Lab", "likely_below", "benchmarks: {gpqa_diamond: 20}\n"));
    final Screen screen = new Screen(RECORDS, 0.05, Set.of("feeds"));

    static Sighting seen(String source, String name, String organization, Map<String, Double> scores, Double parameters) {
        return new Sighting(source, name, name, List.of(), Map.of(), List.of(organization), List.of(), List.of("Language"), null,
                LocalDate.of(2026, 1, 1), parameters, null, null, null, null, scores, null, source + " lists " + name + ".", true);
    }

    static Evidence evidence(Sighting... sightings) {
        return new Evidence("k", EvidenceJoin.name(List.of(sightings)), List.of(sightings), List.of());
    }

    @Test
    void an_estimate_at_or_over_the_floor_proposes() {
        Evidence e = evidence(seen("openrouter", "Unknown Model 2", "Example Lab", Map.of(), null));
        Screen.Verdict v = screen.decide(e, 0.05, false, false, Optional.empty());
        assertTrue(v.propose(), v.reason());
        assertEquals("its estimate gives p_above 0.050, at or over the floor 0.05", v.rules().get(0));
        assertFalse(screen.decide(e, 0.049, false, false, Optional.empty()).propose());
    }

    @Test
    void a_score_at_least_the_weakest_published_models_proposes_unless_a_stated_size_rules_1e25_out() {
        Evidence strong = evidence(seen("artificialanalysis", "New Model 3", "Example Lab", Map.of("gpqa_diamond", 50.4), null));
        Screen.Verdict v = screen.decide(strong, 0.01, false, false, Optional.empty());
        assertTrue(v.propose(), v.reason());
        assertTrue(v.reason().contains("gpqa_diamond 50.4 (artificialanalysis) ≥ 50.4 of Claude 3 Opus"), v.reason());

        Evidence weak = evidence(seen("artificialanalysis", "New Model 3", "Example Lab", Map.of("gpqa_diamond", 50.3), null));
        assertFalse(screen.decide(weak, 0.01, false, false, Optional.empty()).propose(), "a likely_below record sets no bar");

        Evidence small = evidence(seen("artificialanalysis", "New Model 3 20B", "Example Lab", Map.of("gpqa_diamond", 70.0), 20e9));
        Screen.Verdict smallVerdict = screen.decide(small, 0.2, false, false, Optional.empty());
        assertFalse(smallVerdict.propose(), "the size outweighs a Speculative p_above too");
        assertTrue(smallVerdict.reason().contains("2e10 parameters (artificialanalysis) would need more than 60e12 training tokens"),
                smallVerdict.reason());
    }

    @Test
    void the_flagship_successor_is_the_same_developer_and_line_newer_and_no_lower_tier() {
        assertEquals("claude-opus-4", screen.predecessor(evidence(seen("openrouter", "Claude Opus 4.7", "Anthropic", Map.of(), null)))
                .orElseThrow().id());
        assertEquals("claude-sonnet-4", screen.predecessor(evidence(seen("openrouter", "Claude Sonnet 4.5", "Anthropic", Map.of(),
                null))).orElseThrow().id(), "the latest version at a tier no higher than the candidate's");
        assertTrue(screen.predecessor(evidence(seen("openrouter", "Claude Haiku 4.5", "Anthropic", Map.of(), null))).isEmpty(),
                "a lower tier");
        assertTrue(screen.predecessor(evidence(seen("openrouter", "Claude Opus 4.7", "Example Lab", Map.of(), null))).isEmpty(),
                "another developer");
        assertTrue(screen.predecessor(evidence(seen("openrouter", "Llama 3.2 90B", "Meta AI", Map.of(), 90e9))).isEmpty(),
                "fewer parameters than the flagship it would succeed");
        assertTrue(screen.predecessor(evidence(seen("openrouter", "Llama 3.2 3B", "Meta AI", Map.of(), 3e9))).isEmpty(),
                "a stated size that rules 1e25 out");
        Evidence opus = evidence(seen("openrouter", "Claude Opus 4.7", "Anthropic", Map.of(), null));
        Screen.Verdict v = screen.decide(opus, 0.7, false, false, screen.predecessor(opus));
        assertTrue(v.rules().contains("it is the flagship successor of Claude Opus 4 (claude-opus-4, likely_above): same developer"
                + " and line, a newer version, the same or a higher tier"), v.rules().toString());
    }

    @Test
    void a_rule_without_an_estimate_is_only_reported() {
        Evidence strong = evidence(seen("artificialanalysis", "New Model 3", "Example Lab", Map.of("gpqa_diamond", 60.0), null));
        Screen.Verdict v = screen.decide(strong, null, false, false, Optional.empty());
        assertFalse(v.propose());
        assertTrue(v.reason().endsWith("and a proposal must carry one"), v.reason());
    }

    @Test
    void a_known_figure_decides_alone() {
        Evidence scored = evidence(seen("epoch", "K-EXAONE", "LG AI Research", Map.of("gpqa_diamond", 70.0), null));
        Screen.Verdict v = screen.decide(scored, 0.004, true, true, Optional.empty());
        assertFalse(v.propose(), "Epoch's confident 1.5e24 outweighs a benchmark proxy");
        assertTrue(v.reason().startsWith("its estimate (a Confident or Likely figure, or imputation from its own scores) gives"
                + " p_above 0.004, under the floor 0.05"), v.reason());
    }

    @Test
    void a_news_lead_alone_is_never_proposed() {
        Evidence lead = evidence(seen("feeds", "Claude Opus 5", "Anthropic", Map.of(), null));
        Screen.Verdict v = screen.decide(lead, 0.9, false, false, screen.predecessor(lead));
        assertFalse(v.propose());
        assertTrue(v.reason().startsWith("only a news post names it"), v.reason());
    }
}
