package org.frontierregistry.tracker.estimate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.frontierregistry.tracker.record.Method;

/**
 * Combines lognormal estimates in log10 space. Estimates that share evidence (a source, an input
 * value, a reference; see {@link Evidence}), directly or through others, form one group and count as a
 * single witness: within a group, the centre is the mean weighted by 1/sdᵢ² and the spread is that of the
 * group's surest member (estimates whose errors move together add no certainty). Groups
 * are independent and combined by inverse-variance weighting: mean = Σ W·x / Σ W with W = 1/sd²,
 * sd = 1/√(Σ W).
 */
public final class Combiner {
    private Combiner() {
    }

    /** The headline, or null when there is no estimate. */
    public static Headline combine(List<EstimateResult> estimates) {
        if (estimates.isEmpty()) {
            return null;
        }
        List<Integer> group = groups(estimates);
        int groups = Collections.max(group) + 1;
        double[] sumW = new double[groups];
        double[] sumWx = new double[groups];
        double[] minSd = new double[groups];
        java.util.Arrays.fill(minSd, Double.POSITIVE_INFINITY);
        for (int i = 0; i < estimates.size(); i++) {
            EstimateResult e = estimates.get(i);
            double w = 1 / (e.log10Sd() * e.log10Sd());
            sumW[group.get(i)] += w;
            sumWx[group.get(i)] += w * e.log10();
            minSd[group.get(i)] = Math.min(minSd[group.get(i)], e.log10Sd());
        }
        double totalW = 0;
        double totalWx = 0;
        double[] groupW = new double[groups];
        for (int g = 0; g < groups; g++) {
            groupW[g] = 1 / (minSd[g] * minSd[g]);
            totalW += groupW[g];
            totalWx += groupW[g] * sumWx[g] / sumW[g];
        }
        double mean = totalWx / totalW;
        double sd = 1 / Math.sqrt(totalW);
        List<Double> weights = new ArrayList<>();
        Method heaviest = null;
        double most = -1;
        for (int i = 0; i < estimates.size(); i++) {
            EstimateResult e = estimates.get(i);
            int g = group.get(i);
            double share = (1 / (e.log10Sd() * e.log10Sd())) / sumW[g] * groupW[g] / totalW;
            weights.add(share);
            if (share > most * (1 + 1e-12)) {
                most = share;
                heaviest = e.method();
            }
        }
        return new Headline(mean, sd, pAbove(mean, sd), Spreads.levelFor(sd), heaviest, weights, group);
    }

    /** For each estimate, the number of its group (groups numbered in order of first appearance). */
    static List<Integer> groups(List<EstimateResult> estimates) {
        int n = estimates.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            for (int j = 0; j < i; j++) {
                if (!Collections.disjoint(estimates.get(i).evidence(), estimates.get(j).evidence())) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        List<Integer> numbers = new ArrayList<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (!roots.contains(r)) {
                roots.add(r);
            }
            numbers.add(roots.indexOf(r));
        }
        return numbers;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    /** P(X > 1e25) for log10 X ~ Normal(mean, sd). */
    public static double pAbove(double log10Mean, double log10Sd) {
        double z = (Headline.THRESHOLD_LOG10 - log10Mean) / log10Sd;
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }
}
