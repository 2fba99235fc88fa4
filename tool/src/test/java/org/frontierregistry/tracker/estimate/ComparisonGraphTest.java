package org.frontierregistry.tracker.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordSummary;

/** Comparison cycles: every comparison that leads back to its record, with the shortest way back. */
class ComparisonGraphTest {
    @Property(tries = 300)
    void findsTheSameCyclesAsSearchingFromEveryComparison(@ForAll @IntRange(min = 1, max = 40) int size,
                                                          @ForAll @IntRange(min = 0, max = 80) int comparisons,
                                                          @ForAll long seed) {
        Random random = new Random(seed);
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            edges.put("m" + i, new ArrayList<>());
        }
        for (int c = 0; c < comparisons; c++) {
            // Mostly to earlier records (as comparisons usually go), sometimes anywhere, sometimes to no record.
            int from = random.nextInt(size);
            int to = random.nextInt(10) == 0 ? random.nextInt(size + 3) : from == 0 ? 0 : random.nextInt(from);
            edges.get("m" + from).add("m" + to);
        }
        List<ModelRecord> records = new ArrayList<>();
        edges.forEach((id, refs) -> records.add(new RecordSummary(id, id, List.of(), null, refs).standIn()));

        assertEquals(searchedFromEveryComparison(edges), Estimator.ComparisonGraph.cycles(records));
    }

    @Example
    void aRecordComparedWithItselfAndAChainThatClosesAreCycles() {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        edges.put("a", List.of("a"));
        edges.put("b", List.of("c", "missing"));
        edges.put("c", List.of("d"));
        edges.put("d", List.of("b"));
        edges.put("e", List.of("b"));
        List<ModelRecord> records = new ArrayList<>();
        edges.forEach((id, refs) -> records.add(new RecordSummary(id, id, List.of(), null, refs).standIn()));

        Map<String, List<String>> cycles = Estimator.ComparisonGraph.cycles(records);
        assertEquals(Map.of("a\u0000a", List.of("a", "a"), "b\u0000c", List.of("b", "c", "d", "b"),
                "c\u0000d", List.of("c", "d", "b", "c"), "d\u0000b", List.of("d", "b", "c", "d")), cycles);
    }

    /** The plain definition: a breadth-first search back to the record from every comparison it makes. */
    private static Map<String, List<String>> searchedFromEveryComparison(Map<String, List<String>> edges) {
        Map<String, List<String>> onCycle = new HashMap<>();
        edges.forEach((from, targets) -> {
            for (String to : targets) {
                Map<String, String> parent = new HashMap<>();
                Deque<String> queue = new ArrayDeque<>(List.of(to));
                parent.put(to, null);
                while (!queue.isEmpty()) {
                    String node = queue.poll();
                    if (node.equals(from)) {
                        List<String> cycle = new ArrayList<>();
                        for (String n = node; n != null; n = parent.get(n)) {
                            cycle.add(0, n);
                        }
                        cycle.add(0, from);
                        onCycle.put(from + "\u0000" + to, cycle);
                        break;
                    }
                    for (String next : edges.getOrDefault(node, List.of())) {
                        if (!parent.containsKey(next)) {
                            parent.put(next, node);
                            queue.add(next);
                        }
                    }
                }
            }
        });
        return onCycle;
    }
}
