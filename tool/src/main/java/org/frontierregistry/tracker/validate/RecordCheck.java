package org.frontierregistry.tracker.validate;

import java.util.List;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;

/**
 * A semantic rule over schema-valid records that a JSON Schema cannot express. Checks see every
 * record (for rules across records) and return problems; the validator keeps those in the files asked about.
 */
public interface RecordCheck {
    List<Problem> check(RecordSet records);

    /**
     * Called when records are about to be read for this check: slow set-up (files shipped with the tool) can
     * start on a thread of its own. A run that needs no check (the cache knows the answer) does not call it.
     */
    default void prepare() {
    }
}
