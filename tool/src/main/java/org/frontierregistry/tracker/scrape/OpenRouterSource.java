package org.frontierregistry.tracker.scrape;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenRouter models API ({@code {"data": [...]}}): newly listed models with their listing date,
 * Hugging Face id and the sizes their descriptions state. Routing aliases ({@code ~vendor/...-latest})
 * and OpenRouter's own routers are skipped; variants ({@code :free}, {@code :thinking}) fold into their model.
 */
public final class OpenRouterSource implements Source {
    /** Fewer models than this is not a healthy listing (the 2026-05 snapshot has 356). */
    static final int MIN_ROWS = 100;

    @Override
    public String name() {
        return "openrouter";
    }

    @Override
    public String description() {
        return "OpenRouter models API (JSON): newly listed models, listing dates, Hugging Face ids, stated sizes";
    }

    @Override
    public URI defaultUrl() {
        return URI.create("https://openrouter.ai/api/v1/models");
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public List<Sighting> parse(byte[] body, String origin) throws SourceShapeException {
        JsonNode root = SourceJson.read(name(), body, origin);
        JsonNode data = SourceJson.entries(name(), root, origin, MIN_ROWS, "OpenRouterSource", false, "data");
        Map<String, List<JsonNode>> byBase = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode model : data) {
            index++;
            for (String field : List.of("id", "name", "created")) {
                if (!model.hasNonNull(field)) {
                    throw new SourceShapeException(name() + ": " + origin + " model #" + index + " has no '" + field
                            + "' field; the API changed shape. Update OpenRouterSource before proposing anything.");
                }
            }
            String id = model.get("id").asText();
            if (id.startsWith("~") || id.startsWith("openrouter/")) {
                continue;
            }
            String base = id.contains(":") ? id.substring(0, id.indexOf(':')) : id;
            byBase.computeIfAbsent(base, k -> new ArrayList<>()).add(model);
        }
        List<Sighting> out = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> entry : byBase.entrySet()) {
            out.add(translate(entry.getKey(), entry.getValue()));
        }
        return out;
    }

    private Sighting translate(String id, List<JsonNode> variants) {
        JsonNode model = variants.stream().filter(v -> v.get("id").asText().equals(id)).findFirst().orElse(variants.get(0));
        String vendor = id.substring(0, id.indexOf('/') < 0 ? 0 : id.indexOf('/'));
        String fullName = model.get("name").asText();
        String name = fullName.contains(": ") ? fullName.substring(fullName.indexOf(": ") + 2) : fullName;
        List<String> otherNames = new ArrayList<>();
        otherNames.add(id);
        String slug = text(model, "canonical_slug");
        if (slug != null) {
            otherNames.add(slug);
        }
        String hf = text(model, "hugging_face_id");
        Map<String, List<String>> identifiers = new TreeMap<>();
        identifiers.put("openrouter", List.of(id));
        if (hf != null && hf.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")) {
            identifiers.put("huggingface", List.of(hf));
            otherNames.add(hf);
        }
        String description = text(model, "description");
        SizeParser.Size size = SizeParser.fromText(description);
        if (size.total() == null) {
            SizeParser.Size fromSlug = SizeParser.fromSlug(hf != null ? hf : id);
            size = new SizeParser.Size(fromSlug.total(), size.active() != null ? size.active() : fromSlug.active());
        }
        LocalDate listed = Instant.ofEpochSecond(model.get("created").asLong()).atZone(ZoneOffset.UTC).toLocalDate();
        List<String> inputs = new ArrayList<>();
        model.path("architecture").path("input_modalities").forEach(m -> inputs.add(m.asText()));
        List<String> domains = inputs.contains("image") || inputs.contains("video")
                ? List.of("Language", "Multimodal", "Vision") : List.of("Language");
        String evidence = "OpenRouter lists '" + fullName + "' (id " + id + ") since " + listed
                + (hf == null ? "" : ", with open weights at huggingface.co/" + hf) + "."
                + (description == null ? "" : " Its description: \"" + SourceText.excerpt(description, 400) + "\"");
        return new Sighting(name(), id, name, otherNames, identifiers,
                List.of(Organizations.epochName(vendor)), List.of(), domains, hf == null ? "API access" : null, listed,
                size.total(), size.active(), null, null, null, Map.of(), "https://openrouter.ai/" + id, evidence, true,
                SizeParser.saysMixtureOfExperts(description));
    }

    private static String text(JsonNode node, String field) {
        return SourceJson.text(node, field);
    }
}
