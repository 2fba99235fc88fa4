package org.frontierregistry.tracker.validate;

import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.estimate.ChipCatalogue;
import org.frontierregistry.tracker.estimate.Consistency;
import org.frontierregistry.tracker.estimate.EstimateFailure;
import org.frontierregistry.tracker.estimate.Estimator;
import org.frontierregistry.tracker.estimate.RecordEstimate;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;

/**
 * Every estimate recomputes from its inputs, the headline from the estimates, and the status from
 * p_above (unless a verified reviewer overrode it with status_reasoning). Each problem states the
 * expected value, so it can be pasted without running the tool.
 */
public final class EstimatesCheck implements RecordCheck {
    private final ChipCatalogue catalogue;

    public EstimatesCheck(ChipCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<Problem> check(RecordSet records) {
        Estimator estimator = new Estimator(records.records(), catalogue);
        List<Problem> problems = new ArrayList<>();
        for (LoadedRecord loaded : records.reported()) {
            RecordEstimate estimate = estimator.estimate(loaded.id());
            if (estimate.record() != loaded.record()) {
                continue; // a second record with the same id: UniqueNamesCheck reports it
            }
            for (EstimateFailure f : estimate.failures()) {
                problems.add(new Problem(loaded.file(), loaded.document().valueLocation(f.pointer()), "estimate-inputs",
                        "estimate " + (f.index() + 1) + ": " + f.message(), f.hint()));
            }
            for (Consistency.Mismatch m : Consistency.of(estimate)) {
                String hint = m.code().equals("status") && !estimate.record().verified()
                        ? "Set 'status: " + m.expected() + "', or run: " + DerivedValues.command(loaded.id())
                        : m.expected() == null ? "Delete it, or run: " + DerivedValues.command(loaded.id())
                        : "Paste the value above, or run: " + DerivedValues.command(loaded.id());
                problems.add(new Problem(loaded.file(), loaded.document().valueLocation(m.pointer()), m.code(), m.message(), hint));
            }
        }
        return problems;
    }
}
