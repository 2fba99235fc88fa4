package org.frontierregistry.tracker.scrape;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Hugging Face Hub's model listing (Epoch AI's "most downloaded large models" route): open-weight
 * models with their repository id, author, creation day and, when the listing expands it, the parameter
 * count ({@code safetensors.total}); otherwise sizes come from the name ("Qwen3.6-35B-A3B"). Derived
 * repositories are not new models and are not candidates: quantisations, fine-tunes, adapters and merges
 * (a {@code base_model:<relation>:...} tag) and GGUF conversions (the {@code gguf} tag).
 */
public final class HuggingFaceSource implements Source {
    /** Fewer models than this is not a healthy listing (the 2026-05 snapshot has 1000). */
    static final int MIN_ROWS = 100;

    @Override
    public String name() {
        return "huggingface";
    }

    @Override
    public String description() {
        return "Hugging Face Hub, trending models (JSON): open-weight models, repository ids, parameter counts";
    }

    @Override
    public URI defaultUrl() {
        return URI.create("https://huggingface.co/api/models?sort=trendingScore&limit=1000&expand[]=safetensors"
                + "&expand[]=createdAt&expand[]=tags&expand[]=downloads&expand[]=likes&expand[]=pipeline_tag");
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json");
    }

    @Override
    public List<Sighting> parse(byte[] body, String origin) throws SourceShapeException {
        JsonNode root = SourceJson.read(name(), body, origin);
        // The API answers a bare array; saved copies wrap it as {"models": [...]}.
        JsonNode models = SourceJson.entries(name(), root, origin, MIN_ROWS, "HuggingFaceSource", true, "models");
        List<Sighting> out = new ArrayList<>();
        int index = 0;
        for (JsonNode m : models) {
            index++;
            String id = SourceJson.text(m, "id");
            if (id == null || !id.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")) {
                throw new SourceShapeException(name() + ": " + origin + " model #" + index + " has no 'id' of the form"
                        + " owner/name; the API changed shape. Update HuggingFaceSource before proposing anything.");
            }
            out.add(translate(m, id));
        }
        return out;
    }

    private Sighting translate(JsonNode m, String id) {
        List<String> tags = new ArrayList<>();
        m.path("tags").forEach(t -> tags.add(t.asText()));
        String author = id.substring(0, id.indexOf('/'));
        String repoName = id.substring(id.indexOf('/') + 1);
        String derivedFrom = derivation(author, repoName, tags);
        Double total = null;
        JsonNode safetensors = m.path("safetensors").path("total");
        if (safetensors.isNumber() && safetensors.asDouble() > 0) {
            total = safetensors.asDouble();
        }
        SizeParser.Size fromName = SizeParser.fromSlug(repoName);
        Double parameters = total != null ? total : fromName.total();
        String created = firstText(m, "createdAt", "created_at");
        LocalDate day = created == null || created.length() < 10 ? null : SourceText.date(created.substring(0, 10));
        Double downloads = SourceJson.number(m, "downloads");
        String pipeline = firstText(m, "pipelineTag", "pipeline_tag");
        StringBuilder evidence = new StringBuilder("Hugging Face hosts " + id);
        if (pipeline != null) {
            evidence.append(" (").append(pipeline).append(')');
        }
        if (day != null) {
            evidence.append(", created ").append(day);
        }
        if (downloads != null) {
            evidence.append(String.format(Locale.ROOT, ", %.0f downloads", downloads));
        }
        if (total != null) {
            evidence.append(", ").append(SourceText.sci(total)).append(" parameters in its safetensors");
        }
        if (derivedFrom != null) {
            evidence.append("; ").append(derivedFrom).append(", so not a new model");
        }
        evidence.append('.');
        // A derived repository is someone else's packaging of the model, not one of its names: it still
        // matches the model (so it is no new model) but offers no identifier or alias for it.
        boolean derived = derivedFrom != null;
        return new Sighting(name(), id, derived ? id : repoName, List.of(id), derived ? Map.of() : Map.of("huggingface", List.of(id)),
                List.of(Organizations.epochName(author)), List.of(), List.of("Language"), "Open weights (unrestricted)", day,
                parameters, fromName.active(), null, null, null, Map.of(), "https://huggingface.co/" + id,
                evidence.toString(), derivedFrom == null);
    }

    /**
     * Why a repository is derived from another model, or null when it is an original upload. A lab's own
     * instruct release tagged as a fine-tune of its own base model is the same model, not a derivative.
     */
    static String derivation(String author, List<String> tags) {
        for (String tag : tags) {
            String[] parts = tag.split(":", 3);
            if (parts.length == 3 && parts[0].equals("base_model") && !parts[1].isEmpty()
                    && !parts[2].toLowerCase(Locale.ROOT).startsWith(author.toLowerCase(Locale.ROOT) + "/")) {
                return "tagged " + parts[1] + " of " + parts[2];
            }
        }
        if (tags.contains("gguf")) {
            return "a GGUF conversion";
        }
        return null;
    }

    /** Packaging words in a repository name: a conversion or quantisation of a model, not a model. */
    private static final java.util.regex.Pattern PACKAGING = java.util.regex.Pattern.compile(
            "(?i)(^|[-_.])(gguf|awq|gptq|exl2|exl3|mlx|bnb|[0-9]bit|[0-9]-bit)([-_.]|$)");

    /**
     * Why a repository is derived, from its tags ({@link #derivation(String, List)}) or, when it has no
     * base_model tag to tell, from its name: a packaging word (GGUF, AWQ, GPTQ, EXL2, MLX, bnb, 4bit) in
     * a repository under an account that is not a known developer's. A lab's own quantised release keeps
     * its identifier.
     */
    static String derivation(String author, String repoName, List<String> tags) {
        String byTags = derivation(author, tags);
        if (byTags != null) {
            return byTags;
        }
        boolean hasBase = tags.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("base_model:"));
        if (!hasBase && PACKAGING.matcher(repoName).find() && !Organizations.isDeveloperAccount(author)) {
            return "a packaged conversion by " + author;
        }
        return null;
    }

    private static String firstText(JsonNode m, String... fields) {
        for (String f : fields) {
            String v = SourceJson.text(m, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
