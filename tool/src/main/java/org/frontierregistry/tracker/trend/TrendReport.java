package org.frontierregistry.tracker.trend;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many models cross the 1e25 FLOP line and how fast frontier compute grows, as of a day.
 *
 * @param counted       records counted (every record published by the as-of day that has a p_above)
 * @param notCounted    ids of records published by then that have no p_above yet (no usable estimate)
 * @param quarters      from the first counted model's quarter to the as-of day's quarter
 * @param frontier      ids of the frontier models the compute trend is fitted over, oldest first
 * @param frontierGrowth growth factor per year of frontier training compute, or null when it cannot be fitted
 * @param countGrowth    growth factor per year of the number of models crossing the line per quarter, or null
 * @param frontierByTop  the frontier growth for other sizes of the running top ({@link Trends#SENSITIVITY_TOPS}),
 *                       to show how much the rate depends on what counts as the frontier; null values where it cannot be fitted
 */
public record TrendReport(LocalDate asOf, TrendSettings settings, int counted, List<String> notCounted,
                          List<QuarterCount> quarters, List<String> frontier, Growth frontierGrowth,
                          Growth countGrowth, List<Projection> projections, Map<Integer, Growth> frontierByTop) {
    public TrendReport {
        notCounted = List.copyOf(notCounted);
        quarters = List.copyOf(quarters);
        frontier = List.copyOf(frontier);
        projections = List.copyOf(projections);
        frontierByTop = Collections.unmodifiableMap(new TreeMap<>(frontierByTop));
    }
}
