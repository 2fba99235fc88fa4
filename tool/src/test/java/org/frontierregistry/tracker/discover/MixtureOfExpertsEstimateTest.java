package org.frontierregistry.tracker.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.frontierregistry.tracker.scrape.EngineEstimates;
import org.frontierregistry.tracker.scrape.EpochSource;
import org.frontierregistry.tracker.scrape.Sighting;
import org.junit.jupiter.api.Test;

/**
 * 6·N·D for a mixture of experts counts the parameters active per token: a candidate built on the total
 * overstates compute by the ratio of total to active (Solar Open 100B came out at 1.2e25 instead of 1.4e24).
 */
class MixtureOfExpertsEstimateTest {
    static final Path NOTABLE = Path.of("src/test/resources/fixtures/epoch/notable_ai_models_2026-07.csv");
    static final Path LARGE_SCALE = Path.of("src/test/resources/fixtures/epoch/large_scale_ai_models_2026-02.csv");

    private static Sighting row(Path file, String model) throws Exception {
        return new EpochSource().parse(Files.readAllBytes(file), file.toString()).stream()
                .filter(s -> s.key().strip().equals(model)).findFirst().orElseThrow();
    }

    private static CandidateWriter.Written candidate(Sighting s) {
        return new CandidateWriter(new EngineEstimates()).write("candidate", new Evidence(s.key(), s.name(), List.of(s), List.of()),
                LocalDate.of(2026, 7, 15), Optional.empty(), List.of());
    }

    @Test
    void epochs_parameter_note_gives_the_active_count() throws Exception {
        Sighting solar = row(NOTABLE, "Solar Open 100B"); // "102B, of which 12B active"
        assertEquals(102e9, solar.parameters());
        assertEquals(12e9, solar.activeParameters());
        assertTrue(solar.mixtureOfExperts());
        assertEquals(32e9, row(NOTABLE, "GLM-4.6").activeParameters()); // "... with 32 billion active parameters (assumed)"
        assertEquals(14e9, row(LARGE_SCALE, "dots.llm1").activeParameters()); // "activates 14 billion parameters out of ..."
        assertEquals(3e9, row(NOTABLE, "Qwen3-Omni-30B-A3B").activeParameters(), "from the name when the note is silent");
        Sighting dense = row(NOTABLE, "GLM-4.5");
        assertEquals(32e9, dense.activeParameters());
    }

    @Test
    void the_candidate_multiplies_active_parameters() throws Exception {
        Sighting solar = row(NOTABLE, "Solar Open 100B");
        CandidateWriter.Written w = candidate(solar);
        assertTrue(w.text().contains("inputs: {parameters: 102000000000, active_parameters: 12000000000, tokens: 19700000000000}"),
                w.text());
        assertTrue(w.text().contains("reasoning: \"6 x 1.2e10 active parameters (epoch) x 1.97e13 tokens (epoch)"), w.text());
        assertTrue(w.text().contains("\n  flop: 1.418e24\n"), w.text());
    }

    @Test
    void a_mixture_of_experts_with_only_its_total_known_gets_no_size_estimate_and_the_record_says_why() throws Exception {
        Sighting sense = row(LARGE_SCALE, "SenseChat 5.0"); // "a 600B MoE", 1.67e12 tokens, no compute figure
        assertTrue(sense.mixtureOfExperts());
        assertNull(sense.activeParameters());
        CandidateWriter.Written w = candidate(sense);
        assertFalse(w.text().contains("method: parameters_tokens"), "6 x 600e9 x 1.67e12 = 6e24 would overstate it: " + w.text());
        assertTrue(w.text().contains("It is a mixture-of-experts model, and no source gives its active parameters: 6 x 6e11"
                + " total parameters x 1.67e12 tokens would overstate its training compute, so the bot made no estimate from"
                + " its size."), w.text());
    }

    @Test
    void openrouters_description_says_mixture_of_experts_without_an_active_count() throws Exception {
        Sighting max = new org.frontierregistry.tracker.scrape.OpenRouterSource().parse(
                Files.readAllBytes(Path.of("src/test/resources/fixtures/openrouter/models_2026-05.json")), "or.json").stream()
                .filter(s -> s.key().equals("qwen/qwen3.6-max-preview")).findFirst().orElseThrow();
        // "... a sparse mixture-of-experts architecture with approximately 1 trillion total parameters."
        assertEquals(1e12, max.parameters());
        assertNull(max.activeParameters());
        assertTrue(max.mixtureOfExperts());
    }
}
