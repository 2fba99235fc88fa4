package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of a new record, as {@code tracker new} writes it: the required fields filled from what is
 * known, every other field shown in a comment with its allowed values (read from the schema, so the
 * template never drifts from it), and each field a person must still fill marked {@code TODO}.
 *
 * <p>The result parses, and validating it reports a problem exactly at each TODO line and nowhere else:
 * the template cannot be merged unfilled, and the validator points at what is left.
 */
public final class RecordTemplate {
    /** The marker a person searches for; also in the comment of every line still to fill. */
    public static final String TODO = "TODO";

    private RecordTemplate() {
    }

    /** What the person gave on the command line. {@code date} may be null (then it is a TODO). */
    public record Fields(String id, String name, List<String> organizations, LocalDate date, String createdBy) {
    }

    /** The lowercase kebab-case id for a name: "Llama 3.1 405B" → "llama-3-1-405b"; accents folded. */
    public static String idFor(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String id = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.length() <= 80 ? id : id.substring(0, 80).replaceAll("-+$", "");
    }

    /** The fields still to fill in a template written for {@code fields} (in file order). */
    public static List<String> stillToFill(Fields fields) {
        List<String> todo = new ArrayList<>();
        if (fields.date() == null) {
            todo.add("publication_date");
        }
        todo.add("domains");
        todo.add("sources");
        return todo;
    }

    /** @param schema the parsed schema/model.schema.json (allowed values are read from it) */
    public static String render(Fields f, JsonNode schema) {
        JsonNode p = schema.path("properties");
        String domains = allowed(p.path("domains").path("items").path("enum"), ", ");
        String access = allowed(p.path("accessibility").path("enum"), " | ");
        String methods = allowed(schema.at("/$defs/method/enum"), " | ");
        String confidence = allowed(schema.at("/$defs/confidence/enum"), " | ");
        String statuses = allowed(p.path("status").path("enum"), " | ");
        String createdBy = allowed(p.at("/provenance/properties/created_by/enum"), " | ");
        String date = f.date() == null ? TODO + "              # TODO: YYYY-MM-DD, first announcement or release, e.g. 2024-07-23"
                : YamlScalars.render(f.date()) + "        # YYYY-MM-DD, first announcement or release";
        return """
                # yaml-language-server: $schema=../schema/model.schema.json
                # Written by `tracker new`. Fill every line marked TODO (and any optional line you can source),
                # delete comments you no longer need, then check it: ./tracker validate models/%1$s.yaml
                # The guide: docs/contributing.md. Every field is described in schema/model.schema.json
                # (VS Code shows that help on hover once the recommended YAML extension is installed).
                id: %1$s        # must equal the file name
                name: %2$s
                # aliases: [Other-Name, api-model-id]    # other names seen in sources (API ids, Hugging Face names)
                organizations: %3$s    # as Epoch AI names them, e.g. OpenAI, Google DeepMind, Meta AI
                # countries: [United States of America]   # Epoch AI's spelling of each developer's country
                publication_date: %4$s
                domains: []             # TODO: at least one of: %5$s
                # accessibility: API access    # one of: %6$s
                # parameters: 405e9            # total parameters (mixture-of-experts: all experts); 405e9 is allowed
                # active_parameters: 37e9      # mixture-of-experts only: parameters used per token
                # training_tokens: 15.6e12     # tokens seen in pre-training
                # hardware: {chip: NVIDIA H100 SXM5 80GB, count: 16384, hours: 2000}
                # benchmarks: {mmlu: 88.6, gpqa_diamond: 51.1}   # percentages 0-100; inputs to benchmark imputation
                training_compute:
                  # Replace [] below with one entry per method you can support (with none, the status stays uncertain):
                  #   - method: reported          # %7$s
                  #     confidence: Likely        # %8$s
                  #     inputs: {reported_flop: 3.8e25}
                  #     reasoning: In your own words, what the inputs are, where they come from and why this method fits.
                  #     sources: [report]         # ids from the sources list below
                  # Inputs per method (docs/contributing.md has an example of each):
                  #   reported: {reported_flop}   parameters_tokens: {parameters, tokens, active_parameters?}
                  #   hardware: {chip, count, hours or days, utilization}   comparison: {reference, ratio}
                  #   benchmark: {benchmarks: [mmlu, ...]}   cost: {dollars, dollars_per_flop}
                  # Then run ./tracker estimate %1$s --write to fill the derived values (flop, status).
                  estimates: []
                status: uncertain       # derived from the estimates (%9$s); leave it to the tool
                sources: []             # TODO: at least one, e.g. - {id: report, url: "https://example.org/paper", title: Paper title}
                review:
                  verified: false       # a maintainer sets true after checking the record
                provenance: {created_by: %10$s}   # %11$s
                """.formatted(f.id(), YamlScalars.render(f.name()), YamlScalars.render(f.organizations()), date, domains,
                access, methods, confidence, statuses, f.createdBy(), createdBy);
    }

    private static String allowed(JsonNode values, String separator) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.asText()));
        return String.join(separator, names);
    }
}
