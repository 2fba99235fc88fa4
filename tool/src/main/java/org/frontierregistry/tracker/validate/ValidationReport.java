package org.frontierregistry.tracker.validate;

import java.util.List;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;

/**
 * What validation found.
 *
 * @param filesChecked the files the user asked about
 * @param problems     problems in those files, sorted by file and position
 * @param records      every record that could be read (the asked-about ones and their context)
 */
public record ValidationReport(int filesChecked, List<Problem> problems, RecordSet records) {
    public boolean clean() {
        return problems.isEmpty();
    }

    public long filesWithProblems() {
        return problems.stream().map(Problem::file).distinct().count();
    }
}
