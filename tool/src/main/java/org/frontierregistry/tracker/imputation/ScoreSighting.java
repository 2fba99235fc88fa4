package org.frontierregistry.tracker.imputation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one snapshot row says about a model's scores (and, for Epoch AI's capability index, its compute).
 *
 * @param name       the name as the snapshot writes it, reasoning-setting qualifiers removed
 * @param date       release date the snapshot gives, or null
 * @param flop       training compute the snapshot gives, or null
 * @param confidence the snapshot's confidence in that figure, or null
 */
record ScoreSighting(String name, LocalDate date, Map<String, Double> scores, Double flop, String confidence) {
    ScoreSighting {
        scores = new TreeMap<>(scores);
    }
}
