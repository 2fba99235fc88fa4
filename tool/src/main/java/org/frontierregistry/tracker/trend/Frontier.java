package org.frontierregistry.tracker.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Epoch AI's "running top N": a model is at the frontier when, on its publication day, fewer than N models
 * published on or before that day (itself aside) have a larger central compute estimate.
 */
final class Frontier {
    private Frontier() {
    }

    /** The frontier models, oldest first; models without a headline compute are left out. */
    static List<ModelPoint> runningTop(List<ModelPoint> models, int top) {
        List<ModelPoint> byDate = models.stream().filter(m -> m.flop() != null && m.flop() > 0)
                .sorted(Comparator.comparing(ModelPoint::date).thenComparing(ModelPoint::id)).toList();
        PriorityQueue<Double> largest = new PriorityQueue<>();
        List<ModelPoint> frontier = new ArrayList<>();
        int i = 0;
        while (i < byDate.size()) {
            int dayEnd = i;
            while (dayEnd < byDate.size() && byDate.get(dayEnd).date().equals(byDate.get(i).date())) {
                largest.add(byDate.get(dayEnd).flop());
                if (largest.size() > top) {
                    largest.poll();
                }
                dayEnd++;
            }
            // With the day's models counted, a model is in the top N when it is at least the N-th largest so far.
            double bar = largest.size() < top ? 0 : largest.peek();
            for (int j = i; j < dayEnd; j++) {
                if (byDate.get(j).flop() >= bar) {
                    frontier.add(byDate.get(j));
                }
            }
            i = dayEnd;
        }
        return frontier;
    }
}
