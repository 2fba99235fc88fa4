package org.frontierregistry.tracker.estimate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.frontierregistry.tracker.imputation.ImputationModel;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;

/**
 * Recomputes the estimates of a set of records (from any number of threads at once). Comparisons need the headline of the record they
 * refer to, so records are resolved in dependency order (a cycle of comparisons is an error on every
 * comparison in it). Benchmark imputation reads the committed fit (data/imputation/fit.json), so it
 * depends on no other record: editing one record never moves another's imputed figure.
 */
public final class Estimator {
    private final Map<String, ModelRecord> records;
    private final ChipCatalogue catalogue;
    private final Map<String, RecordEstimate> done = new ConcurrentHashMap<>();
    /** Comparison edges on a cycle; found when the first comparison is estimated, as most runs meet none. */
    private volatile Map<String, List<String>> cycles;
    private final ImputationModel imputation;

    public Estimator(Collection<ModelRecord> records, ChipCatalogue catalogue, ImputationModel imputation) {
        this(byId(records), catalogue, imputation);
    }

    private Estimator(Map<String, ModelRecord> recordsById, ChipCatalogue catalogue, ImputationModel imputation) {
        this.records = recordsById;
        this.catalogue = catalogue;
        this.imputation = imputation;
    }

    /**
     * Estimates over records already keyed by their id, in the map's order; the map is read as it is, never copied
     * or changed. For many estimates over one registry plus one record each (the bot's candidates), where copying
     * 10,000 records for each was most of a scrape's time.
     */
    public static Estimator over(Map<String, ModelRecord> recordsById, ChipCatalogue catalogue) {
        return new Estimator(recordsById, catalogue, ImputationModel.standard());
    }

    /** The records keyed by id, in their order; the first of two with one id is kept. */
    public static Map<String, ModelRecord> byId(Collection<ModelRecord> records) {
        Map<String, ModelRecord> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.putIfAbsent(r.id(), r));
        return byId;
    }

    public Estimator(Collection<ModelRecord> records, ChipCatalogue catalogue) {
        this(records, catalogue, ImputationModel.standard());
    }

    public static Estimator of(Collection<ModelRecord> records) {
        return new Estimator(records, ChipCatalogue.standard());
    }

    public ChipCatalogue catalogue() {
        return catalogue;
    }

    public Collection<ModelRecord> records() {
        return records.values();
    }

    /** The record with this id, recomputed. */
    public RecordEstimate estimate(String id) {
        RecordEstimate cached = done.get(id);
        if (cached != null) {
            return cached;
        }
        ModelRecord record = records.get(id);
        if (record == null) {
            throw new IllegalArgumentException("no record with id '" + id + "'");
        }
        // Computing is pure: two threads that both miss compute the same result, and the first one stored is kept.
        RecordEstimate estimate = compute(record);
        RecordEstimate earlier = done.putIfAbsent(id, estimate);
        return earlier != null ? earlier : estimate;
    }

    private RecordEstimate compute(ModelRecord record) {
        List<EstimateResult> results = new ArrayList<>();
        List<EstimateFailure> failures = new ArrayList<>();
        List<Estimate> estimates = record.trainingCompute() == null ? List.of() : record.trainingCompute().estimates();
        for (int i = 0; i < estimates.size(); i++) {
            Estimate e = estimates.get(i);
            String base = "/training_compute/estimates/" + i;
            try {
                MethodResult result = run(record, e);
                if (!(result.flop() > 0) || !Double.isFinite(result.flop())) {
                    throw new EstimateException("", "the inputs give " + result.flop() + " FLOP", "Check the inputs.");
                }
                double sd = Spreads.log10Sd(e.confidence());
                if (result.minSd() != null) {
                    sd = Math.max(sd, result.minSd());
                }
                results.add(new EstimateResult(i, e.method(), e.confidence(), result, sd, e.flop(), Evidence.of(e)));
            } catch (EstimateException ex) {
                failures.add(new EstimateFailure(i, base + "/inputs" + ex.pointer(), ex.getMessage(), ex.hint()));
            } catch (IllegalArgumentException ex) {
                failures.add(new EstimateFailure(i, base + "/inputs", ex.getMessage(), "Check the inputs of this estimate."));
            }
        }
        return new RecordEstimate(record, results, failures, Combiner.combine(results));
    }

    private MethodResult run(ModelRecord record, Estimate e) {
        return switch (e.method()) {
            case REPORTED -> ReportedMethod.compute(e.inputs());
            case PARAMETERS_TOKENS -> ParametersTokensMethod.compute(e.inputs());
            case HARDWARE -> HardwareMethod.compute(e.inputs(), catalogue);
            case COST -> CostMethod.compute(e.inputs(), catalogue);
            case COMPARISON -> comparison(record, e);
            case BENCHMARK -> BenchmarkMethod.compute(e.inputs(), record, imputation);
        };
    }

    private Map<String, List<String>> cycles() {
        Map<String, List<String>> found = cycles;
        if (found == null) {
            synchronized (this) {
                if (cycles == null) {
                    cycles = ComparisonGraph.cycles(records.values());
                }
                found = cycles;
            }
        }
        return found;
    }

    private MethodResult comparison(ModelRecord record, Estimate e) {
        Inputs inputs = new Inputs(e.inputs(), "comparison");
        String reference = inputs.text("reference", "id of the record compared to");
        double ratio = inputs.positive("ratio", "this model's compute divided by the reference's");
        if (!records.containsKey(reference)) {
            throw new EstimateException("/reference", "comparison refers to '" + reference + "', which is not a record",
                    org.frontierregistry.tracker.validate.DidYouMean.phrase(reference, records.keySet())
                            + "Use the id of a file in models/ (without .yaml).");
        }
        List<String> cycle = cycles().get(record.id() + "\u0000" + reference);
        if (cycle != null) {
            throw new EstimateException("/reference", "comparisons form a cycle: " + String.join(" → ", cycle),
                    "A record cannot depend on its own headline; base one of them on another method.");
        }
        Headline headline = estimate(reference).headline();
        if (headline == null) {
            throw new EstimateException("/reference", "'" + reference + "' has no headline compute to compare with",
                    "Add an estimate to " + reference + " first, or compare with another record.");
        }
        return new MethodResult(headline.flop() * ratio, Sci.flop(headline.flop()) + " (headline of " + reference + ") × " + Sci.input(ratio),
                List.of(), null);
    }

    /** Comparison edges (record → reference) that lie on a cycle, keyed "from\0to", with the cycle's path. */
    static final class ComparisonGraph {
        private ComparisonGraph() {
        }

        static Map<String, List<String>> cycles(Collection<ModelRecord> records) {
            Map<String, List<String>> edges = new LinkedHashMap<>();
            for (ModelRecord r : records) {
                List<String> out = new ArrayList<>();
                if (r.trainingCompute() != null) {
                    for (Estimate e : r.trainingCompute().estimates()) {
                        if (e.method() == Method.COMPARISON && e.inputs() != null && e.inputs().hasNonNull("reference")) {
                            out.add(e.inputs().get("reference").asText());
                        }
                    }
                }
                edges.put(r.id(), out);
            }
            Map<String, List<String>> onCycle = new HashMap<>();
            Set<String> left = reachingACycle(edges);
            edges.forEach((from, targets) -> {
                if (!left.contains(from)) {
                    return;
                }
                for (String to : targets) {
                    // A comparison on a cycle joins two records that reach one; the search runs for those only.
                    List<String> path = left.contains(to) ? path(edges, to, from) : null;
                    if (path != null) {
                        List<String> cycle = new ArrayList<>();
                        cycle.add(from);
                        cycle.addAll(path);
                        onCycle.put(from + "\u0000" + to, cycle);
                    }
                }
            });
            return onCycle;
        }

        /**
         * The records from which a cycle can be reached: what is left after taking away, again and again, every
         * record none of whose comparisons leads to a record still left. In a registry without a cycle nothing is
         * left, so no search runs (a search per comparison was most of a one-file validation's estimator set-up
         * at 10,000 records).
         */
        private static Set<String> reachingACycle(Map<String, List<String>> edges) {
            Map<String, Integer> outgoing = new HashMap<>();
            Map<String, List<String>> comparedBy = new HashMap<>();
            Deque<String> done = new ArrayDeque<>();
            edges.forEach((from, targets) -> {
                outgoing.put(from, targets.size());
                for (String to : targets) {
                    comparedBy.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
                }
                if (targets.isEmpty()) {
                    done.add(from);
                }
            });
            comparedBy.keySet().forEach(to -> {
                if (!edges.containsKey(to)) {
                    done.add(to); // a reference to no record leads nowhere
                }
            });
            while (!done.isEmpty()) {
                for (String from : comparedBy.getOrDefault(done.poll(), List.of())) {
                    if (outgoing.merge(from, -1, Integer::sum) == 0) {
                        done.add(from);
                    }
                }
            }
            Set<String> left = new HashSet<>();
            outgoing.forEach((id, count) -> {
                if (count > 0) {
                    left.add(id);
                }
            });
            return left;
        }

        /** Shortest path start → … → goal (breadth first), or null. */
        private static List<String> path(Map<String, List<String>> edges, String start, String goal) {
            Map<String, String> parent = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>();
            queue.add(start);
            parent.put(start, null);
            while (!queue.isEmpty()) {
                String node = queue.poll();
                if (node.equals(goal)) {
                    List<String> path = new ArrayList<>();
                    for (String n = node; n != null; n = parent.get(n)) {
                        path.add(0, n);
                    }
                    return path;
                }
                for (String next : edges.getOrDefault(node, List.of())) {
                    if (!parent.containsKey(next)) {
                        parent.put(next, node);
                        queue.add(next);
                    }
                }
            }
            return null;
        }
    }
}
