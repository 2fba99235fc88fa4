package org.frontierregistry.tracker.imputation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordEditor;
import org.frontierregistry.tracker.scrape.NameNormaliser;

/**
 * Adds to a record the imputation scores the snapshots give its model and the record lacks. A score a
 * person already wrote is never changed, and a name key two records share ("Kimi K2" and "Kimi K2
 * Thinking" both become "k2 kimi") gives neither record anything: the snapshot's entry could be either. The Arena score is left to the LMArena scraper, which keeps it
 * current. Scores are written with one decimal, as the sources publish most of them.
 */
public final class ScoreFiller {
    private ScoreFiller() {
    }

    /** The new text of the record and what was added, or empty when nothing is missing. */
    public record Filled(String text, List<String> added) {
    }

    /**
     * @param records     every record, to tell which name keys more than one record shares
     * @param scoresByKey the snapshots' scores by loose name key
     */
    public static Optional<Filled> fill(LoadedRecord loaded, List<ModelRecord> records, Map<String, Map<String, Double>> scoresByKey) {
        Map<String, Long> holders = records.stream().flatMap(r -> r.allNames().stream().map(NameNormaliser::key).distinct())
                .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
        Map<String, Map<String, Double>> unshared = new java.util.TreeMap<>(scoresByKey);
        unshared.keySet().removeIf(k -> holders.getOrDefault(k, 0L) > 1);
        Map<String, Double> scores = scoresFor(loaded.record(), unshared);
        RecordEditor editor = RecordEditor.of(loaded.document());
        List<String> added = new ArrayList<>();
        for (Predictor p : Predictor.values()) {
            Double score = scores.get(p.key());
            if (p == Predictor.LMARENA_TEXT || score == null || loaded.record().benchmarks().containsKey(p.key())) {
                continue;
            }
            double rounded = BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_EVEN).doubleValue();
            editor.set("/benchmarks/" + p.key(), rounded);
            added.add(p.key() + " " + BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString());
        }
        return added.isEmpty() ? Optional.empty() : Optional.of(new Filled(editor.text(), added));
    }

    /** The scores of the first of the record's names (name, then aliases) that a snapshot model shares. */
    static Map<String, Double> scoresFor(ModelRecord record, Map<String, Map<String, Double>> scoresByKey) {
        for (String name : record.allNames()) {
            String key = NameNormaliser.key(name);
            if (!key.isEmpty() && scoresByKey.containsKey(key)) {
                return scoresByKey.get(key);
            }
        }
        return Map.of();
    }
}
