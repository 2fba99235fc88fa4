package org.frontierregistry.tracker.scrape;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.RecordEditor;

/**
 * What a source can add to a record it matched, without touching what a person decided:
 * <ul>
 *   <li>any record: names the source uses that the record does not list yet, as aliases (only
 *       matching reads them; no figure or status changes);</li>
 *   <li>unverified records only: the source's keys under {@code identifiers}, a missing parameter
 *       count, and the arena score ({@code benchmarks.lmarena_text}) unless a benchmark estimate uses it.</li>
 * </ul>
 * A verified record ({@code review.verified: true}) gets nothing but aliases.
 */
public final class UpdateBuilder {
    private final Map<String, String> nameOwners;
    private final CandidateEstimates estimates;
    private final List<ModelRecord> context;

    /**
     * @param nameOwners NameKey of every name in the registry → the record id it belongs to
     * @param estimates  refills derived fields after a figure changed
     * @param context    the registry's records (for that refill)
     */
    public UpdateBuilder(Map<String, String> nameOwners, CandidateEstimates estimates, List<ModelRecord> context) {
        this.nameOwners = nameOwners;
        this.estimates = estimates;
        this.context = context;
    }

    public RecordUpdate build(String source, LoadedRecord loaded, List<Sighting> sightings, List<NameMatcher.Match> matches) {
        ModelRecord record = loaded.record();
        RecordEditor editor = RecordEditor.of(loaded.document());
        List<String> changes = new ArrayList<>();

        Set<String> known = new LinkedHashSet<>();
        known.add(NameKey.of(record.id()));
        record.allNames().forEach(n -> known.add(NameKey.of(n)));
        List<String> aliases = new ArrayList<>(record.aliases());
        List<String> added = new ArrayList<>();
        for (Sighting s : sightings) {
            for (String name : s.allNames()) {
                String key = NameKey.of(name);
                if (name.contains("/") || name.length() > 200 || key.isEmpty() || known.contains(key)) {
                    continue;
                }
                String owner = nameOwners.get(key);
                if (owner != null && !owner.equals(record.id())) {
                    continue;
                }
                known.add(key);
                aliases.add(name);
                added.add(name);
            }
        }
        // Unverified records get the names as outside identifiers instead (where matching looks first).
        if (!added.isEmpty() && record.verified()) {
            editor.set("/aliases", aliases);
            changes.add("add alias" + (added.size() == 1 ? " " : "es ") + String.join(", ", added.stream().map(a -> "'" + a + "'").toList())
                    + " (the name" + (added.size() == 1 ? "" : "s") + " " + source + " uses)");
        }
        if (!record.verified()) {
            identifiers(editor, record, sightings, changes);
            Double parameters = agreed(sightings, Sighting::parameters);
            if (record.parameters() == null && parameters != null) {
                editor.set("/parameters", parameters);
                changes.add("set parameters to " + SourceText.sci(parameters) + " as " + source + " states it");
            }
            arenaScore(editor, record, sightings, matches, changes);
        }
        String text = editor.text();
        if (!record.verified()) {
            text = epochFigure(text, record, sightings, changes);
        }
        List<String> loose = new ArrayList<>();
        for (int i = 0; i < sightings.size(); i++) {
            if (matches.get(i).how() == NameMatcher.How.NORMALISED) {
                loose.add(sightings.get(i).key());
            }
        }
        return new RecordUpdate(source, record.id(), "models/" + loaded.file().getFileName(), text, List.copyOf(changes),
                record.verified(), List.copyOf(sightings), List.copyOf(loose));
    }

    private static void identifiers(RecordEditor editor, ModelRecord record, List<Sighting> sightings, List<String> changes) {
        for (String field : List.of("epoch", "lmarena", "openrouter", "huggingface")) {
            List<String> existing = switch (field) {
                case "epoch" -> record.identifiers().epoch() == null ? List.of() : List.of(record.identifiers().epoch());
                case "lmarena" -> record.identifiers().lmarena();
                case "openrouter" -> record.identifiers().openrouter();
                default -> record.identifiers().huggingface();
            };
            Set<String> values = new LinkedHashSet<>(existing);
            for (Sighting s : sightings) {
                values.addAll(s.identifiers().getOrDefault(field, List.of()));
            }
            if (values.size() == existing.size()) {
                continue;
            }
            if (field.equals("epoch")) {
                if (existing.isEmpty()) {
                    String key = values.iterator().next();
                    editor.set("/identifiers/epoch", key);
                    changes.add("record Epoch AI's name for it, '" + key + "', under identifiers.epoch");
                }
            } else {
                List<String> newOnes = values.stream().filter(v -> !existing.contains(v)).toList();
                editor.set("/identifiers/" + field, List.copyOf(values));
                changes.add("add " + String.join(", ", newOnes) + " under identifiers." + field);
            }
        }
    }

    private static void arenaScore(RecordEditor editor, ModelRecord record, List<Sighting> sightings,
                                   List<NameMatcher.Match> matches, List<String> changes) {
        boolean usedByEstimate = record.trainingCompute() != null && record.trainingCompute().estimates().stream()
                .anyMatch(e -> e.method() == Method.BENCHMARK);
        if (usedByEstimate) {
            return;
        }
        // Several arena entries may match one record (dated snapshots); only the strictest match speaks for it.
        Sighting best = null;
        NameMatcher.How bestHow = null;
        for (int i = 0; i < sightings.size(); i++) {
            Double score = sightings.get(i).benchmarks().get("lmarena_text");
            NameMatcher.How how = matches.get(i).how();
            if (score != null && (bestHow == null || how.ordinal() < bestHow.ordinal())) {
                best = sightings.get(i);
                bestHow = how;
            }
        }
        if (best == null) {
            return;
        }
        double score = best.benchmarks().get("lmarena_text");
        Double current = record.benchmarks().get("lmarena_text");
        // When several equally strict matches carry scores (a model with and without thinking), a current
        // value that one of them confirms stays: the person who chose it picked the entry.
        for (int i = 0; i < sightings.size(); i++) {
            Double other = sightings.get(i).benchmarks().get("lmarena_text");
            if (current != null && other != null && matches.get(i).how() == bestHow && Math.abs(current - other) < 1) {
                return;
            }
        }
        if (current == null || Math.abs(current - score) >= 1) {
            editor.set("/benchmarks/lmarena_text", score);
            changes.add((current == null ? "set" : "update") + " benchmarks.lmarena_text to " + (long) score
                    + (current == null ? "" : " (was " + current.longValue() + ")") + " from the entry '" + best.key() + "'");
        }
    }

    /**
     * Epoch AI's revised figure: a benchmark estimate the record takes from Epoch AI ({@code imputed_by:
     * Epoch AI}) follows Epoch's current figure; the derived fields are then recomputed by the engine.
     */
    private String epochFigure(String text, ModelRecord record, List<Sighting> sightings, List<String> changes) {
        Double epoch = agreed(sightings.stream().filter(s -> s.source().equals("epoch")).toList(), Sighting::flop);
        if (epoch == null || record.trainingCompute() == null) {
            return text;
        }
        RecordEditor editor = RecordEditor.of(new org.frontierregistry.tracker.record.RecordReader()
                .parse(java.nio.file.Path.of("record.yaml"), text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).document());
        List<String> revised = new ArrayList<>();
        List<org.frontierregistry.tracker.record.Estimate> list = record.trainingCompute().estimates();
        for (int i = 0; i < list.size(); i++) {
            var inputs = list.get(i).inputs();
            if (list.get(i).method() == Method.BENCHMARK && inputs != null && "Epoch AI".equals(inputs.path("imputed_by").asText())
                    && inputs.has("imputed_flop")) {
                double was = inputs.path("imputed_flop").asDouble();
                if (Math.abs(was - epoch) / epoch > 0.01) {
                    editor.set("/training_compute/estimates/" + i + "/inputs/imputed_flop", epoch);
                    revised.add("update the Epoch AI figure in estimate " + (i + 1) + " from " + SourceText.sci(was) + " to "
                            + SourceText.sci(epoch) + " FLOP (Epoch AI revised it)");
                }
            }
        }
        if (revised.isEmpty()) {
            return text;
        }
        CandidateEstimates.Result filled = estimates.fill(editor.text(), context);
        if (filled.failure() != null) {
            return text;
        }
        changes.addAll(revised);
        if (filled.status() != record.status()) {
            changes.add("status follows: " + record.status().key() + " → " + filled.status().key());
        }
        return filled.text();
    }

    private static Double agreed(List<Sighting> sightings, java.util.function.Function<Sighting, Double> field) {
        List<Double> values = sightings.stream().map(field).filter(Objects::nonNull).distinct().toList();
        return values.size() == 1 ? values.get(0) : null;
    }
}
