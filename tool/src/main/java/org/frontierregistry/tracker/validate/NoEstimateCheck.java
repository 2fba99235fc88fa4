package org.frontierregistry.tracker.validate;

import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.Status;

/**
 * A record without any estimate is valid (its status is simply 'uncertain'), but it tells readers
 * nothing about its side of the line: warn, and say how to estimate a model whose developer disclosed nothing.
 * Rejected records (not a model, or turned down) need no estimate.
 */
public final class NoEstimateCheck implements RecordCheck {
    public static final String CODE = "no-estimate";

    @Override
    public List<Problem> check(RecordSet records) {
        List<Problem> warnings = new ArrayList<>();
        for (LoadedRecord loaded : records.reported()) {
            ModelRecord record = loaded.record();
            boolean none = record.trainingCompute() == null || record.trainingCompute().estimates().isEmpty();
            if (none && record.status() != Status.REJECTED) {
                warnings.add(Problem.warning(loaded.file(), loaded.document().valueLocation("/training_compute/estimates"), CODE,
                        "no estimate of training compute: the model stays 'uncertain' and is on neither side of 1e25",
                        hint(record)));
            }
        }
        return warnings;
    }

    private static String hint(ModelRecord record) {
        String benchmarks = record.benchmarks().isEmpty()
                ? "or, with benchmark scores under 'benchmarks', a 'benchmark' estimate"
                : "or a 'benchmark' estimate from this record's scores (" + String.join(", ", record.benchmarks().keySet()) + ")";
        return "If nothing is disclosed, add a Speculative 'comparison' with a recorded predecessor "
                + "(inputs: {reference: <its id>, ratio: 1}), " + benchmarks
                + "; docs/contributing.md, 'When nothing is disclosed', shows both.";
    }
}
