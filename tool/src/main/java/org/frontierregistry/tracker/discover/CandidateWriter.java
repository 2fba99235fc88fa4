package org.frontierregistry.tracker.discover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.record.YamlScalars;
import org.frontierregistry.tracker.scrape.CandidateEstimates;
import org.frontierregistry.tracker.scrape.Sighting;
import org.frontierregistry.tracker.scrape.SourceText;

/**
 * Writes the candidate record for a new model from its joined evidence, with every estimate the evidence
 * allows, made by the estimation engine: Epoch AI's figure ({@code reported}); 6·N·D where parameters and
 * tokens are stated; benchmark imputation from the scores the sources gave; and, for a flagship successor
 * with nothing else, a Speculative {@code comparison} with its predecessor. A method the engine cannot
 * compute from the evidence (e.g. too few records share the benchmark) is left out.
 */
public final class CandidateWriter {
    /** Where each source's entries can be seen by a person: source id, address, title. */
    private static final Map<String, String[]> SOURCE_PAGES = Map.of(
            "epoch", new String[] {"epoch-data", "https://epoch.ai/data/ai-models", "Epoch AI, Data on AI Models"},
            "lmarena", new String[] {"lmarena-leaderboard", "https://lmarena.ai/leaderboard/text", "LMArena text leaderboard"},
            "openrouter", new String[] {"openrouter-listing", "https://openrouter.ai/models", "OpenRouter models"},
            "artificialanalysis", new String[] {"artificial-analysis", "https://artificialanalysis.ai/models",
                "Artificial Analysis, model comparison"});

    private final CandidateEstimates engine;

    public CandidateWriter(CandidateEstimates engine) {
        this.engine = engine;
    }

    /** One estimate as the record writes it; {@code flop} only for direct methods (the engine checks it). */
    record Method(String method, Double flop, String confidence, Map<String, Object> inputs, String reasoning,
                  List<String> sources, String summary) {
    }

    /**
     * The record text, filled by the engine, and what went into it.
     *
     * @param computeKnown the estimate rests on a Confident or Likely figure (Epoch's, or 6·N·D), or on benchmark
     *                     imputation from the model's own scores: its p_above decides alone, the screen's proxies
     *                     (a raw score comparison, succession) do not apply
     * @param figureKnown  the estimate rests on a Confident or Likely figure: it outweighs even a stated size
     */
    public record Written(String text, Double pAbove, Status status, String summary, boolean computeKnown,
                          boolean figureKnown) {
    }

    public Written write(String id, Evidence e, LocalDate firstSeen, Optional<ModelRecord> predecessor, List<ModelRecord> context) {
        List<Method> working = new ArrayList<>();
        CandidateEstimates.Result last = null;
        for (Method m : direct(e)) {
            CandidateEstimates.Result alone = engine.fill(render(id, e, firstSeen, List.of(m)), context);
            if (alone.failure() == null && alone.pAbove() != null) {
                working.add(m);
                last = alone;
            }
        }
        if (working.isEmpty() && predecessor.isPresent()) {
            Method comparison = comparison(e, predecessor.get());
            CandidateEstimates.Result alone = engine.fill(render(id, e, firstSeen, List.of(comparison)), context);
            if (alone.failure() == null && alone.pAbove() != null) {
                working.add(comparison);
                last = alone;
            }
        }
        if (working.isEmpty()) {
            return new Written(render(id, e, firstSeen, List.of()), null, Status.UNCERTAIN,
                    "no estimate: the sources give no compute figure, no size with tokens, no benchmark score enough"
                            + " records of known compute share", false, false);
        }
        CandidateEstimates.Result all = working.size() == 1 ? last : engine.fill(render(id, e, firstSeen, working), context);
        if (all.failure() != null) {
            working = working.subList(0, 1);
            all = engine.fill(render(id, e, firstSeen, working), context);
        }
        boolean figure = working.stream().anyMatch(m -> (m.method().equals("reported") || m.method().equals("parameters_tokens"))
                && (m.confidence().equals("Confident") || m.confidence().equals("Likely")));
        boolean imputed = working.stream().anyMatch(m -> m.method().equals("benchmark"));
        return new Written(all.text(), all.pAbove(), all.status(), String.join("; ", working.stream().map(Method::summary).toList()),
                figure || imputed, figure);
    }

    private static List<Method> direct(Evidence e) {
        List<Method> out = new ArrayList<>();
        Evidence.Fact<Double> flop = e.flop();
        if (flop != null) {
            String confidence = e.flopConfidence() == null ? "Speculative" : e.flopConfidence();
            out.add(new Method("reported", flop.value(), confidence, Map.of("reported_flop", flop.value()),
                    "Epoch AI gives " + SourceText.sci(flop.value()) + " FLOP for this model (Epoch's confidence: "
                            + (e.flopConfidence() == null ? "not given, so Speculative here" : e.flopConfidence())
                            + "). The bot copied the figure; a reviewer should read Epoch's compute note and, where the"
                            + " developer reports the figure or its inputs, add that primary estimate.",
                    List.of(pageId(flop.from())), "Epoch AI's figure " + SourceText.sci(flop.value()) + " FLOP (" + confidence + ")"));
        }
        Evidence.Fact<Double> parameters = e.parameters();
        Evidence.Fact<Double> tokens = e.trainingTokens();
        if (parameters != null && tokens != null && !totalOnlyOfExperts(e)) {
            Evidence.Fact<Double> active = e.activeParameters();
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("parameters", parameters.value());
            if (active != null && active.value() < parameters.value()) {
                inputs.put("active_parameters", active.value());
            }
            inputs.put("tokens", tokens.value());
            double n = inputs.containsKey("active_parameters") ? active.value() : parameters.value();
            out.add(new Method("parameters_tokens", Double.parseDouble(SourceText.sci(6 * n * tokens.value())), "Speculative",
                    inputs, "6 x " + SourceText.sci(n) + (inputs.containsKey("active_parameters") ? " active" : "")
                    + " parameters (" + parameters.from().source() + ") x " + SourceText.sci(tokens.value()) + " tokens ("
                    + tokens.from().source() + ") as the sources state them. Speculative until a reviewer confirms both"
                    + " figures in the developer's own report.",
                    sourcesOf(List.of(parameters.from(), tokens.from())),
                    "6·N·D = 6 × " + SourceText.sci(n) + " × " + SourceText.sci(tokens.value())));
        }
        Map<String, Evidence.Fact<Double>> scores = e.benchmarks();
        if (!scores.isEmpty()) {
            List<Sighting> from = scores.values().stream().map(Evidence.Fact::from).toList();
            List<String> listed = scores.entrySet().stream().map(x -> x.getKey() + " " + Screen.score(x.getValue().value())
                    + " (" + x.getValue().from().source() + ")").toList();
            out.add(new Method("benchmark", null, "Speculative", Map.of(), "Imputed by the registry's benchmark imputation"
                    + " from the scores the sources gave (" + String.join(", ", listed) + ") and the publication date,"
                    + " with the fit learnt from public data (data/imputation/fit.json). A capability-based guess:"
                    + " Speculative until the developer discloses size, data or hardware.", sourcesOf(from),
                    "benchmark imputation from " + String.join(", ", scores.keySet())));
        }
        return out;
    }

    private static Method comparison(Evidence e, ModelRecord predecessor) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("reference", predecessor.id());
        inputs.put("ratio", 1);
        return new Method("comparison", null, "Speculative", inputs,
                "Nothing about this model's size, data or hardware is disclosed. It is the next version of " + predecessor.name()
                        + " (" + predecessor.id() + ") in the same line and at the same or a higher tier, and so far a"
                        + " developer's new flagship has not been trained with less compute than the one it replaces; so this"
                        + " takes the predecessor's compute (ratio 1) as a Speculative first guess. Replace it as soon as the"
                        + " developer or Epoch AI gives anything better.",
                List.of(pageId(e.main())), "Speculative comparison with " + predecessor.id() + " (ratio 1)");
    }

    private static List<String> sourcesOf(List<Sighting> sightings) {
        Set<String> ids = new LinkedHashSet<>();
        sightings.forEach(s -> ids.add(pageId(s)));
        return List.copyOf(ids);
    }

    static String pageId(Sighting s) {
        String[] page = SOURCE_PAGES.get(s.source());
        return page != null ? page[0] : s.source() + "-entry";
    }

    String render(String id, Evidence e, LocalDate seen, List<Method> methods) {
        StringBuilder y = new StringBuilder();
        y.append("# yaml-language-server: $schema=../schema/model.schema.json\n");
        y.append("# Candidate written by the registry bot from ").append(String.join(", ", e.sources()))
                .append(". Check every fact against the sources before setting review.verified.\n");
        line(y, "id", id);
        line(y, "name", e.name());
        List<String> aliases = aliases(e);
        if (!aliases.isEmpty()) {
            line(y, "aliases", aliases);
        }
        Map<String, Set<String>> identifiers = new TreeMap<>();
        for (Sighting s : e.sightings()) {
            s.identifiers().forEach((field, values) -> identifiers.computeIfAbsent(field, k -> new LinkedHashSet<>()).addAll(values));
        }
        if (!identifiers.isEmpty()) {
            y.append("identifiers:\n");
            identifiers.forEach((field, values) -> {
                Object value = field.equals("epoch") ? values.iterator().next() : List.copyOf(values);
                y.append("  ").append(field).append(": ").append(YamlScalars.render(value)).append('\n');
            });
        }
        line(y, "organizations", e.organizations().isEmpty() ? List.of("Unknown") : e.organizations());
        if (!e.countries().isEmpty()) {
            line(y, "countries", e.countries());
        }
        Evidence.Fact<LocalDate> date = e.date();
        line(y, "publication_date", date != null ? date.value() : seen);
        line(y, "domains", e.domains());
        if (e.accessibility() != null) {
            line(y, "accessibility", e.accessibility());
        }
        Evidence.Fact<Double> parameters = e.parameters();
        Evidence.Fact<Double> active = e.activeParameters();
        Evidence.Fact<Double> tokens = e.trainingTokens();
        if (parameters != null) {
            line(y, "parameters", parameters.value());
        }
        if (active != null && (parameters == null || active.value() < parameters.value())) {
            line(y, "active_parameters", active.value());
        }
        if (tokens != null) {
            line(y, "training_tokens", tokens.value());
        }
        if (!e.scores().isEmpty()) {
            line(y, "benchmarks", e.scores());
        }
        y.append("training_compute:\n");
        if (methods.isEmpty()) {
            y.append("  estimates: []\n");
        } else {
            y.append("  estimates:\n");
            for (Method m : methods) {
                y.append("    - method: ").append(m.method()).append('\n');
                if (m.flop() != null) {
                    y.append("      flop: ").append(YamlScalars.render(m.flop())).append('\n');
                }
                y.append("      confidence: ").append(m.confidence()).append('\n');
                y.append("      inputs: ").append(YamlScalars.render(m.inputs())).append('\n');
                y.append("      reasoning: ").append(YamlScalars.render(m.reasoning())).append('\n');
                y.append("      sources: ").append(YamlScalars.render(m.sources())).append('\n');
            }
        }
        line(y, "status", Status.UNCERTAIN.key());
        line(y, "notes", notes(id, e, methods.isEmpty(), date == null));
        y.append("sources:\n");
        Set<String> written = new LinkedHashSet<>();
        for (Sighting s : e.sightings()) {
            String pid = pageId(s);
            if (!written.add(pid)) {
                continue;
            }
            String[] page = SOURCE_PAGES.get(s.source());
            String url = page != null ? page[1] : s.url();
            String title = page != null ? page[2] : s.source() + ": " + s.key();
            if (url == null) {
                continue;
            }
            y.append("  - ").append(YamlScalars.render(source(pid, url, title, seen))).append('\n');
        }
        y.append("review:\n  verified: false\n");
        y.append("provenance:\n  created_by: bot\n  scraped_from:\n");
        for (Sighting s : e.sightings()) {
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

    /**
     * A mixture of experts whose active count no source gives: 6·N·D over the total would overstate its
     * compute by the ratio of total to active parameters (often 10x or more), so no size-based estimate.
     */
    static boolean totalOnlyOfExperts(Evidence e) {
        Evidence.Fact<Double> active = e.activeParameters();
        Evidence.Fact<Double> parameters = e.parameters();
        return e.mixtureOfExperts() && parameters != null
                && (active == null || active.value() >= parameters.value());
    }

    private static String notes(String id, Evidence e, boolean noEstimate, boolean noDate) {
        StringBuilder n = new StringBuilder("What the bot saw: ");
        for (Sighting s : e.sightings()) {
            n.append(s.evidence()).append(' ');
        }
        if (totalOnlyOfExperts(e) && e.trainingTokens() != null) {
            n.append("It is a mixture-of-experts model, and no source gives its active parameters: 6 x ")
                    .append(SourceText.sci(e.parameters().value())).append(" total parameters x ")
                    .append(SourceText.sci(e.trainingTokens().value()))
                    .append(" tokens would overstate its training compute, so the bot made no estimate from its size. ");
        }
        if (!e.variants().isEmpty()) {
            n.append("Folded in as variants of this model (feature or packaging words): ").append(String.join(", ", e.variants()))
                    .append(". ");
        }
        n.append("What a reviewer should check: that this is a distinct model and not a renamed or fine-tuned"
                + " version of one already tracked (if it is, add the name to that record and close this pull request, or"
                + " merge this file with status rejected: see 'Reviewing a bot pull request' in docs/review.md);"
                + " the publication date");
        if (noDate) {
            n.append(" (no source gives one, so the bot wrote the day it first saw the model)");
        }
        n.append("; the developers and countries");
        n.append(noEstimate ? "; and an estimate of training compute from the developer's report (the sources gave too"
                + " little for one), then run './tracker estimate --write " + id + "'." : "; and the estimate's inputs against the"
                + " developer's own report.");
        return n.toString().trim();
    }

    private static List<String> aliases(Evidence e) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(NameKey.of(e.name()));
        List<String> out = new ArrayList<>();
        for (String name : e.allNames()) {
            if (name.contains("/") || name.contains(" @")) {
                continue; // API and repository ids live under identifiers; feed keys are post references
            }
            if (keys.add(NameKey.of(name))) {
                out.add(name);
            }
        }
        return out;
    }

    private static void line(StringBuilder y, String key, Object value) {
        y.append(key).append(": ").append(YamlScalars.render(value)).append('\n');
    }
}
