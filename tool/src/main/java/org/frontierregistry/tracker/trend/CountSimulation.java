package org.frontierregistry.tracker.trend;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The count of models above the line per quarter, with each model counted by its probability of being above.
 * The expected count is the sum of the probabilities; its 90% interval comes from simulated worlds in which each
 * model is above with its own probability, independently of the others.
 */
final class CountSimulation {
    private CountSimulation() {
    }

    /** @param quarters consecutive quarters; models outside them are not counted */
    static List<QuarterCount> run(List<ModelPoint> models, List<Quarter> quarters, Quarter lastComplete, Quarter fitEnd,
                                  int simulations, RandomGenerator random) {
        if (quarters.isEmpty()) {
            return List.of();
        }
        Quarter first = quarters.get(0);
        int n = quarters.size();
        double[] expected = expected(models, quarters);
        double[][] perQuarter = new double[n][simulations];
        double[][] cumulative = new double[n][simulations];
        List<ModelPoint> inRange = inRange(models, quarters);
        int[] quarterOf = new int[inRange.size()];
        double[] p = new double[inRange.size()];
        for (int i = 0; i < inRange.size(); i++) {
            quarterOf[i] = first.until(inRange.get(i).quarter());
            p[i] = inRange.get(i).pAbove();
        }
        for (int s = 0; s < simulations; s++) {
            for (int i = 0; i < p.length; i++) {
                if (random.nextDouble() < p[i]) {
                    perQuarter[quarterOf[i]][s]++;
                }
            }
            double running = 0;
            for (int q = 0; q < n; q++) {
                running += perQuarter[q][s];
                cumulative[q][s] = running;
            }
        }
        List<QuarterCount> counts = new ArrayList<>();
        double runningExpected = 0;
        for (int q = 0; q < n; q++) {
            runningExpected += expected[q];
            Quantiles quarter = Quantiles.ofCounts(perQuarter[q]);
            Quantiles upTo = Quantiles.ofCounts(cumulative[q]);
            counts.add(new QuarterCount(quarters.get(q), quarters.get(q).compareTo(lastComplete) <= 0,
                    quarters.get(q).compareTo(fitEnd) <= 0, expected[q],
                    (int) quarter.low(), (int) quarter.high(), runningExpected, (int) upTo.low(), (int) upTo.high()));
        }
        return counts;
    }

    /** The expected count of each quarter: the sum of its models' probabilities, added up in the models' order. */
    static double[] expected(List<ModelPoint> models, List<Quarter> quarters) {
        double[] expected = new double[quarters.size()];
        if (quarters.isEmpty()) {
            return expected;
        }
        Quarter first = quarters.get(0);
        for (ModelPoint m : inRange(models, quarters)) {
            expected[first.until(m.quarter())] += m.pAbove();
        }
        return expected;
    }

    private static List<ModelPoint> inRange(List<ModelPoint> models, List<Quarter> quarters) {
        Quarter first = quarters.get(0);
        int n = quarters.size();
        return models.stream().filter(m -> {
            int index = first.until(m.quarter());
            return index >= 0 && index < n;
        }).toList();
    }
}
