package org.frontierregistry.tracker.validate;

import java.time.Clock;
import java.util.List;

/** The semantic checks every record must pass, in the order they run, and the advisory ones. Later capabilities add theirs here. */
public final class Checks {
    private Checks() {
    }

    public static List<RecordCheck> standard(Clock clock) {
        return List.of(
                new UniqueNamesCheck(),
                new SourceReferencesCheck(),
                new DatesCheck(clock),
                new SchemaLineCheck(),
                EstimatesCheck.standard(),
                new TodoCheck());
    }

    /** Checks whose findings are warnings: advice printed with the problems that never fails validation. */
    public static List<RecordCheck> advisory() {
        return List.of(new NoEstimateCheck());
    }
}
