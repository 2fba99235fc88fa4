package org.frontierregistry.tracker.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.Source;

/** Source ids are unique within a record, and every id an estimate cites is one of the record's sources. */
public final class SourceReferencesCheck implements RecordCheck {
    @Override
    public List<Problem> check(RecordSet records) {
        List<Problem> problems = new ArrayList<>();
        for (LoadedRecord loaded : records.reported()) {
            Set<String> ids = new HashSet<>();
            List<Source> sources = loaded.record().sources();
            for (int i = 0; i < sources.size(); i++) {
                if (!ids.add(sources.get(i).id())) {
                    problems.add(new Problem(loaded.file(), loaded.document().valueLocation("/sources/" + i + "/id"),
                            "duplicate-source-id", "source id '" + sources.get(i).id() + "' is used twice",
                            "Give each source its own id."));
                }
            }
            List<Estimate> estimates = loaded.record().trainingCompute().estimates();
            for (int e = 0; e < estimates.size(); e++) {
                List<String> cited = estimates.get(e).sources();
                for (int s = 0; s < cited.size(); s++) {
                    if (!ids.contains(cited.get(s))) {
                        String pointer = "/training_compute/estimates/" + e + "/sources/" + s;
                        problems.add(new Problem(loaded.file(), loaded.document().valueLocation(pointer),
                                "unknown-source", "estimate cites source '" + cited.get(s) + "', which is not in sources",
                                DidYouMean.phrase(cited.get(s), ids)
                                        + "Add it under 'sources:' with its url, or cite one of: " + String.join(", ", ids.stream().sorted().toList()) + "."));
                    }
                }
            }
        }
        return problems;
    }
}
