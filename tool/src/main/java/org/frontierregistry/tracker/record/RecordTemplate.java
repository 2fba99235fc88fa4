package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of a new record, the one source of both {@code tracker new}'s file and the browser template
 * docs/model-template.yaml ({@link Fields#blank()}; {@code tracker new --print-template} prints it). The
 * fields known are filled in, every other field is shown in a comment with its allowed values (read from the
 * schema, so the template never drifts from it), and each field a person must still fill is marked {@code TODO}.
 *
 * <p>The result parses, and validating it reports a problem exactly at each TODO line and nowhere else:
 * the template cannot be merged unfilled, and the validator points at what is left.
 */
public final class RecordTemplate {
    /** The marker a person searches for; also in the comment of every line still to fill. */
    public static final String TODO = "TODO";
    /** The columns where comments start on field lines and on optional (commented-out) lines, so they read as columns. */
    private static final int COMMENT_COLUMN = 24;
    private static final int OPTIONAL_COMMENT_COLUMN = 32;

    private RecordTemplate() {
    }

    /**
     * What the person gave on the command line. {@code id}, {@code name} and {@code date} may be null and
     * {@code organizations} empty: each is then a TODO line.
     */
    public record Fields(String id, String name, List<String> organizations, LocalDate date, String createdBy) {
        public Fields {
            organizations = organizations == null ? List.of() : List.copyOf(organizations);
        }

        /** Nothing known: the browser template (docs/model-template.yaml). */
        public static Fields blank() {
            return new Fields(null, null, List.of(), null, "contractor");
        }
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
        if (fields.id() == null) {
            todo.add("id");
        }
        if (fields.name() == null) {
            todo.add("name");
        }
        if (fields.organizations().isEmpty()) {
            todo.add("organizations");
        }
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
        String id = f.id() == null ? "<id>" : f.id();
        StringBuilder t = new StringBuilder();
        t.append("# yaml-language-server: $schema=../schema/model.schema.json\n");
        t.append("# A new model record. Fill every line marked TODO; switch on (delete the \"# \" in front of) each optional\n");
        t.append("# line your sources support; delete the comment lines you no longer need. Guide: docs/contributing.md.\n");
        t.append("# Check it with ./tracker validate models/").append(id).append(".yaml, or commit it and read the pull request's checks.\n");
        t.append(f.id() == null
                ? line("id: todo", "TODO: the file name without .yaml, e.g. llama-3-1-405b for models/llama-3-1-405b.yaml")
                : line("id: " + f.id(), "must equal the file name"));
        t.append(f.name() == null
                ? line("name: " + TODO, "TODO: the name the developer uses, e.g. Llama 3.1 405B")
                : line("name: " + YamlScalars.render(f.name()), "as the developer writes it"));
        t.append(optional("aliases: [Other-Name, api-model-id]", "other names seen in sources (API ids, Hugging Face names)"));
        t.append(f.organizations().isEmpty()
                ? line("organizations: [" + TODO + "]", "TODO: developer(s) as Epoch AI names them, e.g. [Meta AI] or [Google DeepMind]")
                : line("organizations: " + YamlScalars.render(f.organizations()), "as Epoch AI names them, e.g. OpenAI, Google DeepMind, Meta AI"));
        t.append(optional("countries: [United States of America]", "Epoch AI's spelling of each developer's country"));
        t.append(f.date() == null
                ? line("publication_date: " + TODO, "TODO: YYYY-MM-DD, first announcement or release, e.g. 2024-07-23")
                : line("publication_date: " + YamlScalars.render(f.date()), "YYYY-MM-DD, first announcement or release"));
        t.append(line("domains: []", "TODO: at least one of: " + allowed(p.path("domains").path("items").path("enum"), ", ")));
        t.append(optional("accessibility: API access", "one of: " + allowed(p.path("accessibility").path("enum"), " | ")));
        t.append(optional("parameters: 405e9", "total parameters (mixture-of-experts: all experts); 405e9 means 405 billion"));
        t.append(optional("active_parameters: 37e9", "mixture-of-experts only: parameters used per token"));
        t.append(optional("training_tokens: 15.6e12", "tokens seen in pre-training; 15.6e12 means 15.6 trillion"));
        t.append("# hardware: {chip: NVIDIA H100 SXM5 80GB, count: 16384, hours: 2000}\n");
        t.append(optional("benchmarks: {mmlu: 88.6, gpqa_diamond: 51.1}", "percentages 0-100; a benchmark estimate can use them"));
        t.append("training_compute:\n");
        t.append("  # Replace [] below with one entry per method your sources support, for example:\n");
        t.append("  #   - method: parameters_tokens   # ").append(allowed(schema.at("/$defs/method/enum"), " | ")).append('\n');
        t.append("  #     confidence: Likely          # ").append(allowed(schema.at("/$defs/confidence/enum"), " | ")).append('\n');
        t.append("  #     inputs: {parameters: 405e9, tokens: 15.6e12}   # mixture-of-experts: add active_parameters: 37e9\n");
        t.append("  #     reasoning: In your own words, what the inputs are, where they come from and why this method fits.\n");
        t.append("  #     sources: [report]           # ids from the sources list below\n");
        t.append("  # Inputs of the other methods: reported {reported_flop}, hardware {chip, count, hours or days, utilization},\n");
        t.append("  # comparison {reference, ratio}, benchmark {benchmarks: [mmlu, ...]}, cost {dollars, dollars_per_flop}.\n");
        t.append("  # Nothing disclosed? A Speculative comparison with the predecessor: docs/contributing.md shows how.\n");
        t.append("  # Leave out the derived values (each estimate's flop; flop, confidence, log10_sd, interval_90, p_above and\n");
        t.append("  # method here): ./tracker estimate --write ").append(id)
                .append(" writes them; in the browser, the pull request's comment shows the lines.\n");
        t.append("  estimates: []\n");
        t.append(line("status: uncertain", "follows from the estimates (" + allowed(p.path("status").path("enum"), " | ")
                + "); the check gives the value"));
        t.append("# notes: Anything else a reader or reviewer should know, e.g. what you looked for and did not find.\n");
        t.append(line("sources: []", "TODO: at least one, e.g. - {id: report, url: \"https://example.org/paper\", title: Paper title}"));
        t.append("review:\n");
        t.append(line("  verified: false", "a maintainer sets true after checking the record"));
        t.append(line("provenance: {created_by: " + f.createdBy() + "}", "who wrote the record: "
                + allowed(p.at("/provenance/properties/created_by/enum"), " | ")));
        return t.toString();
    }

    /** An optional field, commented out, with its comment aligned at {@link #OPTIONAL_COMMENT_COLUMN}. */
    private static String optional(String yaml, String comment) {
        String line = "# " + yaml;
        return line + " ".repeat(Math.max(2, OPTIONAL_COMMENT_COLUMN - line.length())) + "# " + comment + "\n";
    }

    /** A YAML line with its comment aligned at {@link #COMMENT_COLUMN} (or two spaces after a longer value). */
    private static String line(String yaml, String comment) {
        return yaml + " ".repeat(Math.max(2, COMMENT_COLUMN - yaml.length())) + "# " + comment + "\n";
    }

    private static String allowed(JsonNode values, String separator) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.asText()));
        return String.join(separator, names);
    }
}
