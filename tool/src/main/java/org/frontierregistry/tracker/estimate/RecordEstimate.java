package org.frontierregistry.tracker.estimate;

import java.util.List;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;

/**
 * A record's estimates recomputed, those that failed, and the headline of the ones that worked
 * (null when none did).
 */
public record RecordEstimate(ModelRecord record, List<EstimateResult> results, List<EstimateFailure> failures,
                             Headline headline) {
    public RecordEstimate {
        results = List.copyOf(results);
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** The status the rule gives (uncertain when there is no headline). */
    public Status ruleStatus() {
        return StatusRule.of(headline == null ? null : headline.pAbove());
    }

    /** A reviewer's status stands when the record is verified and says why. */
    public boolean statusOverridden() {
        return record.verified() && record.statusReasoning() != null && !record.statusReasoning().isBlank();
    }

    /** The status the record should carry: the reviewer's when overridden, otherwise the rule's. */
    public Status expectedStatus() {
        return statusOverridden() && record.status() != null ? record.status() : ruleStatus();
    }
}
