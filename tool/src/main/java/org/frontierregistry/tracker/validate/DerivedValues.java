package org.frontierregistry.tracker.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontierregistry.tracker.record.Problem;

/**
 * The derived values (each estimate's flop, the headline, p_above, the interval, status) are computed,
 * not researched: a record that lacks them is one command away from done. By default validation shows
 * them as one problem per record naming that command; {@code --verbose} lists each value.
 */
public final class DerivedValues {
    /** The problem codes of single derived values (see estimate.Consistency). */
    public static final Set<String> CODES = Set.of("estimate-flop", "headline", "status");
    /** The code of the one problem standing for all of a record's derived values. */
    public static final String CODE = "derived-values";

    private DerivedValues() {
    }

    /** The command that writes a record's derived values, as every message and document spells it. */
    public static String command(String id) {
        return "./tracker estimate --write " + id;
    }

    /** The report with each record's derived-value problems replaced by one, at the first of them. */
    public static ValidationReport grouped(ValidationReport report) {
        Map<Path, List<Problem>> derivedByFile = new LinkedHashMap<>();
        List<Problem> others = new ArrayList<>();
        for (Problem p : report.problems()) {
            if (CODES.contains(p.code())) {
                derivedByFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
            } else {
                others.add(p);
            }
        }
        if (derivedByFile.isEmpty()) {
            return report;
        }
        List<Problem> problems = new ArrayList<>(others);
        derivedByFile.forEach((file, derived) -> problems.add(summarise(file, derived,
                others.stream().anyMatch(p -> p.file().equals(file)))));
        problems.sort(Problem.ORDER);
        return new ValidationReport(report.filesChecked(), problems, report.warnings(), report.records());
    }

    private static Problem summarise(Path file, List<Problem> derived, boolean otherProblems) {
        String id = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        // A value written but different ("should be 3.8e25, not 3.5e25") needs updating; the status is always
        // written (the template says 'uncertain'), so it counts as not filled in until the estimates give it.
        boolean stale = derived.stream().anyMatch(p -> !p.code().equals("status") && p.message().contains(", not "));
        String what = stale ? "to update" : "not filled in yet";
        String run = "run `" + command(id) + "`" + (otherProblems ? " once the other problems are fixed" : "");
        return new Problem(file, derived.get(0).location(), CODE, "derived values " + what + " (" + derived.size() + "): " + run,
                "The tool computes them from your estimates (./tracker validate --verbose lists each). In the browser, paste the lines "
                        + "the pull-request comment shows under 'Derived values'.");
    }
}
