package org.frontierregistry.tracker.imputation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One model of the training table: its compute as Epoch AI gives it (Confident or Likely only) and the
 * scores the public snapshots give it.
 *
 * @param key        the loose name key shared by every snapshot's spelling of the model
 * @param name       the model's name as Epoch AI writes it
 * @param date       publication date
 * @param flop       training compute in FLOP
 * @param confidence Epoch AI's confidence in that figure (Confident or Likely)
 * @param computeFrom the file the figure was read from
 * @param scores     scores by predictor key (see {@link Predictor})
 */
public record TrainingRow(String key, String name, LocalDate date, double flop, String confidence, String computeFrom,
                          Map<String, Double> scores) {
    public TrainingRow {
        scores = new TreeMap<>(scores);
    }

    public double log10Flop() {
        return Math.log10(flop);
    }

    public boolean has(java.util.Collection<Predictor> predictors) {
        return predictors.stream().allMatch(p -> scores.containsKey(p.key()));
    }
}
