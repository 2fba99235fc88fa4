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
}
