package org.frontierregistry.tracker.validate;

import java.util.List;
import java.util.stream.Stream;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;

/**
 * What validation found.
 *
 * @param filesChecked the files the user asked about
 * @param problems     errors in those files, sorted by file and position; any error fails validation
 * @param warnings     advice on those files (e.g. a record with no estimate), sorted the same way; never fails it
 * @param records      every record that could be read (the asked-about ones and their context)
 */
public record ValidationReport(int filesChecked, List<Problem> problems, List<Problem> warnings, RecordSet records) {
    public ValidationReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A report without warnings. */
    public ValidationReport(int filesChecked, List<Problem> problems, RecordSet records) {
        this(filesChecked, problems, List.of(), records);
    }

    /** No errors (warnings allowed). */
    public boolean clean() {
        return problems.isEmpty();
    }

    public long filesWithProblems() {
        return problems.stream().map(Problem::file).distinct().count();
    }

    /** Errors and warnings together, in file and position order. */
    public List<Problem> all() {
        return Stream.concat(problems.stream(), warnings.stream()).sorted(Problem.ORDER).toList();
    }

    /**
     * The one summary line every format prints: "OK: 3 files checked, no problems.",
     * "OK: 3 files checked, no problems, 1 warning." or "2 problems in 1 of 3 files checked, 1 warning."
     */
    public String summary() {
        String warned = warnings.isEmpty() ? "" : ", " + count(warnings.size(), "warning");
        if (clean()) {
            return "OK: " + count(filesChecked, "file") + " checked, no problems" + warned + ".";
        }
        return count(problems.size(), "problem") + " in " + filesWithProblems() + " of " + count(filesChecked, "file")
                + " checked" + warned + ".";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
