package org.frontierregistry.tracker.scrape;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Artificial Analysis LLM API: new models from any lab with their benchmark scores (MMLU-Pro, GPQA
 * Diamond, Humanity's Last Exam, the Intelligence Index) and prices. One entry per reasoning setting
 * ("GPT-5.1 (high)", "GPT-5.1 (Non-reasoning)"); the setting is dropped from the name so the settings
 * join into one model. A live request needs a free API key from the environment ({@value #KEY_VARIABLE}).
 */
public final class ArtificialAnalysisSource implements Source {
    public static final String KEY_VARIABLE = "AA_API_KEY";
    /** Fewer models than this is not a healthy listing (the 2026-03 snapshot has 450). */
    static final int MIN_ROWS = 100;
    /** Fractions 0–1 in the API, percent in records. */
    private static final Map<String, String> PERCENT_SCORES = Map.of("mmlu_pro", "mmlu_pro", "gpqa", "gpqa_diamond", "hle", "hle");

    @Override
    public String name() {
        return "artificialanalysis";
    }

    @Override
    public String description() {
        return "Artificial Analysis LLM API (JSON, needs " + KEY_VARIABLE + "): new models with MMLU-Pro, GPQA, HLE,"
                + " Intelligence Index, prices";
    }

    @Override
    public URI defaultUrl() {
        return URI.create("https://artificialanalysis.ai/api/v2/data/llms/models");
    }

    @Override
    public Optional<String> apiKeyVariable() {
        return Optional.of(KEY_VARIABLE);
    }

    @Override
    public Map<String, String> apiKeyHeaders(String key) {
        return Map.of("x-api-key", key);
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public List<Sighting> parse(byte[] body, String origin) throws SourceShapeException {
        JsonNode root = SourceJson.read(name(), body, origin);
        // The API answers {"data": [...]}; saved copies may wrap the same array as {"models": [...]}.
        JsonNode models = SourceJson.entries(name(), root, origin, MIN_ROWS, "ArtificialAnalysisSource", false, "data", "models");
        List<Sighting> out = new ArrayList<>();
        int index = 0;
        for (JsonNode m : models) {
            index++;
            for (String field : List.of("name", "slug", "model_creator")) {
                if (!m.hasNonNull(field)) {
                    throw new SourceShapeException(name() + ": " + origin + " model #" + index + " has no '" + field
                            + "' field; the API changed shape. Update ArtificialAnalysisSource before proposing anything.");
                }
            }
            out.add(translate(m));
        }
        return out;
    }

    private Sighting translate(JsonNode m) {
        String fullName = m.get("name").asText().trim();
        String name = fullName.replaceAll("(\\s*\\([^()]*\\))+\\s*$", "").trim();
        String slug = m.get("slug").asText();
        String creator = SourceJson.text(m.get("model_creator"), "name");
        Map<String, Double> benchmarks = new LinkedHashMap<>();
        JsonNode evaluations = m.path("evaluations");
        PERCENT_SCORES.forEach((field, key) -> {
            Double v = SourceJson.number(evaluations, field);
            if (v != null && v >= 0 && v <= 1) {
                benchmarks.put(key, round(v * 100));
            }
        });
        Double index = SourceJson.number(evaluations, "artificial_analysis_intelligence_index");
        if (index != null && index >= 0 && index <= 100) {
            benchmarks.put("aa_intelligence_index", index);
        }
        Double blended = SourceJson.number(m.path("pricing"), "price_1m_blended_3_to_1");
        SizeParser.Size size = SizeParser.fromSlug(name);
        StringBuilder evidence = new StringBuilder("Artificial Analysis lists '" + fullName + "'"
                + (creator == null ? "" : " by " + creator));
        String released = SourceJson.text(m, "release_date");
        if (released != null) {
            evidence.append(", released ").append(released);
        }
        if (!benchmarks.isEmpty()) {
            evidence.append(", scores ").append(String.join(", ", benchmarks.entrySet().stream()
                    .map(e -> e.getKey() + " " + SourceText.sci(e.getValue())).toList()));
        }
        if (blended != null) {
            evidence.append(String.format(Locale.ROOT, ", blended price $%.2f per million tokens", blended));
        }
        evidence.append('.');
        return new Sighting(name(), slug, name, List.of(fullName, slug), Map.of(),
                creator == null ? List.of() : List.of(Organizations.epochName(creator)), List.of(), List.of("Language"), null,
                SourceText.date(released), size.total(), size.active(), null, null, null, benchmarks,
                "https://artificialanalysis.ai/models/" + slug, evidence.toString(), true);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
