package org.frontierregistry.tracker.scrape;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.record.YamlScalars;

/**
 * Writes a candidate record for a new model from what a source showed: the facts it gave, one
 * Speculative-or-better estimate where the facts allow one, reasoning that says what the bot saw and
 * what a reviewer must check, {@code provenance.created_by: bot} and {@code review.verified: false}.
 */
public final class CandidateBuilder {
    /** Where each source's entries can be seen by a person, for the record's sources list. */
    private static final Map<String, String[]> SOURCE_PAGES = Map.of(
            "epoch", new String[] {"epoch-data", "https://epoch.ai/data/ai-models", "Epoch AI, Large-Scale AI Models"},
            "lmarena", new String[] {"lmarena-leaderboard", "https://lmarena.ai/leaderboard/text", "LMArena text leaderboard"},
            "openrouter", new String[] {"openrouter-listing", "https://openrouter.ai/models", "OpenRouter models"});

    private final CandidateEstimates estimates;
    private final CandidatePolicy policy;

    public CandidateBuilder(CandidateEstimates estimates, CandidatePolicy policy) {
        this.estimates = estimates;
        this.policy = policy;
    }

    /**
     * @param group     entries of one source that name the same new model (the first is the main one)
     * @param firstSeen the day the bot first saw it (kept across runs so a rerun writes the same text)
     */
    public Candidate build(String id, List<Sighting> group, LocalDate firstSeen, List<ModelRecord> context) {
        Sighting main = group.get(0);
        Estimate estimate = estimateFor(main);
        String text = render(id, group, firstSeen, estimate);
        CandidateEstimates.Result filled = estimate == null ? null : estimates.fill(text, context);
        if (filled != null && filled.failure() != null) {
            estimate = null;
            text = render(id, group, firstSeen, null);
            filled = null;
        }
        Double p = filled == null ? null : filled.pAbove();
        Status status = filled == null ? Status.UNCERTAIN : filled.status();
        String finalText = filled == null ? text : filled.text();
        Double parameters = firstNonNull(group, Sighting::parameters);
        Double active = firstNonNull(group, Sighting::activeParameters);
        CandidatePolicy.Decision decision = policy.decide(main.organizations(), p,
                estimate == null ? null : estimate.confidence, parameters, active);
        return new Candidate(main.source(), id, NameNormaliser.cleanName(main.name()), finalText, p, status,
                estimate == null ? "no estimate could be made from what the source gave" : estimate.summary, group, decision);
    }

    /** @param flop the direct result (placed where a person would write it; the engine checks and rounds it) */
    private record Estimate(String method, Double flop, String confidence, Map<String, Object> inputs, String reasoning,
                            String summary) {
    }

    private static Estimate estimateFor(Sighting s) {
        if (s.flop() != null) {
            String confidence = s.flopConfidence() == null ? "Speculative" : s.flopConfidence();
            Map<String, Object> inputs = Map.of("reported_flop", s.flop());
            return new Estimate("reported", s.flop(), confidence, inputs, "Epoch AI's Large-Scale AI Models dataset gives "
                    + SourceText.sci(s.flop()) + " FLOP for this model (Epoch's confidence: "
                    + (s.flopConfidence() == null ? "not given, so Speculative here" : s.flopConfidence())
                    + "). The bot copied the figure; a reviewer should read Epoch's compute note (in notes) and, where"
                    + " the developer reports the figure or its inputs, replace this with that primary estimate.",
                    "Epoch AI's figure " + SourceText.sci(s.flop()) + " FLOP (" + confidence + ")");
        }
        if (s.parameters() != null && s.trainingTokens() != null) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("parameters", s.parameters());
            if (s.activeParameters() != null) {
                inputs.put("active_parameters", s.activeParameters());
            }
            inputs.put("tokens", s.trainingTokens());
            double n = s.activeParameters() != null ? s.activeParameters() : s.parameters();
            return new Estimate("parameters_tokens", Double.parseDouble(SourceText.sci(6 * n * s.trainingTokens())),
                    "Speculative", inputs, "6 x " + SourceText.sci(n)
                    + (s.activeParameters() != null ? " active" : "") + " parameters x " + SourceText.sci(s.trainingTokens())
                    + " tokens as the source states them. Speculative until a reviewer confirms both figures in the"
                    + " developer's own report.", "6·N·D = 6 × " + SourceText.sci(n) + " × " + SourceText.sci(s.trainingTokens()));
        }
        return null;
    }

    private String render(String id, List<Sighting> group, LocalDate seen, Estimate estimate) {
        Sighting main = group.get(0);
        StringBuilder y = new StringBuilder();
        y.append("# yaml-language-server: $schema=../schema/model.schema.json\n");
        y.append("# Candidate written by the registry bot from ").append(main.source())
                .append(". Check every fact against the sources before setting review.verified.\n");
        line(y, "id", id);
        line(y, "name", NameNormaliser.cleanName(main.name()));
        List<String> aliases = aliases(group);
        if (!aliases.isEmpty()) {
            line(y, "aliases", aliases);
        }
        Map<String, Set<String>> identifiers = new TreeMap<>();
        for (Sighting s : group) {
            s.identifiers().forEach((field, values) -> identifiers.computeIfAbsent(field, k -> new LinkedHashSet<>()).addAll(values));
        }
        if (!identifiers.isEmpty()) {
            y.append("identifiers:\n");
            identifiers.forEach((field, values) -> {
                Object value = field.equals("epoch") ? values.iterator().next() : List.copyOf(values);
                y.append("  ").append(field).append(": ").append(YamlScalars.render(value)).append('\n');
            });
        }
        line(y, "organizations", main.organizations().isEmpty() ? List.of("Unknown") : main.organizations());
        if (!main.countries().isEmpty()) {
            line(y, "countries", main.countries());
        }
        line(y, "publication_date", main.date() != null ? main.date() : seen);
        line(y, "domains", main.domains().isEmpty() ? List.of("Language") : main.domains());
        if (main.accessibility() != null) {
            line(y, "accessibility", main.accessibility());
        }
        Double parameters = firstNonNull(group, Sighting::parameters);
        Double active = firstNonNull(group, Sighting::activeParameters);
        Double tokens = firstNonNull(group, Sighting::trainingTokens);
        if (parameters != null) {
            line(y, "parameters", parameters);
        }
        if (active != null && (parameters == null || active < parameters)) {
            line(y, "active_parameters", active);
        }
        if (tokens != null) {
            line(y, "training_tokens", tokens);
        }
        if (!main.benchmarks().isEmpty()) {
            line(y, "benchmarks", main.benchmarks());
        }
        String[] page = SOURCE_PAGES.getOrDefault(main.source(),
                new String[] {main.source() + "-entry", main.url(), main.source()});
        y.append("training_compute:\n");
        if (estimate == null) {
            y.append("  estimates: []\n");
        } else {
            y.append("  estimates:\n");
            y.append("    - method: ").append(estimate.method).append('\n');
            if (estimate.flop != null) {
                y.append("      flop: ").append(YamlScalars.render(estimate.flop)).append('\n');
            }
            y.append("      confidence: ").append(estimate.confidence).append('\n');
            y.append("      inputs: ").append(YamlScalars.render(estimate.inputs)).append('\n');
            y.append("      reasoning: ").append(YamlScalars.render(estimate.reasoning)).append('\n');
            y.append("      sources: [").append(page[0]).append("]\n");
        }
        line(y, "status", Status.UNCERTAIN.key());
        line(y, "notes", notes(id, group, estimate == null));
        y.append("sources:\n");
        y.append("  - ").append(YamlScalars.render(source(page[0], page[1], page[2], seen))).append('\n');
        if (main.url() != null && !main.url().equals(page[1])) {
            y.append("  - ").append(YamlScalars.render(source(main.source() + "-model-link", main.url(),
                    "Link the " + main.source() + " entry gives", seen))).append('\n');
        }
        y.append("review:\n  verified: false\n");
        y.append("provenance:\n  created_by: bot\n  scraped_from:\n");
        for (Sighting s : group) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", s.source());
            entry.put("key", s.key());
            entry.put("seen", seen);
            y.append("    - ").append(YamlScalars.render(entry)).append('\n');
        }
        return y.toString();
    }

    private static Map<String, Object> source(String id, String url, String title, LocalDate accessed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("url", url);
        m.put("title", title);
        m.put("accessed", accessed);
        return m;
    }

    private static String notes(String id, List<Sighting> group, boolean noEstimate) {
        StringBuilder n = new StringBuilder("What the bot saw: ");
        for (Sighting s : group) {
            n.append(s.evidence()).append(' ');
        }
        n.append("What a reviewer should check: that this is a distinct model and not a renamed or fine-tuned"
                + " version of one already tracked (if it is, add the name to that record and close this pull request, or"
                + " merge this file with status rejected: see 'Reviewing a bot pull request' in docs/review.md);"
                + " the publication date");
        if (group.get(0).date() == null) {
            n.append(" (the source gives none, so the bot wrote the day it first saw the model)");
        }
        n.append("; the developers and countries");
        n.append(noEstimate ? "; and an estimate of training compute from the developer's report (the source gave too"
                + " little for one), then run 'tracker estimate " + id + " --write'." : "; and the estimate's inputs against the"
                + " developer's own report.");
        return n.toString().trim();
    }

    private static List<String> aliases(List<Sighting> group) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(NameKey.of(NameNormaliser.cleanName(group.get(0).name())));
        List<String> out = new ArrayList<>();
        for (Sighting s : group) {
            for (String name : s.allNames()) {
                if (name.contains("/")) {
                    continue; // API and repository ids live under identifiers
                }
                if (keys.add(NameKey.of(name))) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static Double firstNonNull(List<Sighting> group, java.util.function.Function<Sighting, Double> field) {
        return group.stream().map(field).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static void line(StringBuilder y, String key, Object value) {
        y.append(key).append(": ").append(YamlScalars.render(value)).append('\n');
    }
}
