package org.frontierregistry.tracker.record;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One thing wrong with a record, pointing at the place in the file and saying what to do.
 *
 * @param file     the file the problem is in
 * @param location where in the file
 * @param code     a stable short name of the problem class (e.g. {@code duplicate-key}), for tools and docs
 * @param message  what is wrong, in plain words
 * @param hint     what to do about it (may be empty)
 */
public record Problem(Path file, Location location, String code, String message, String hint) {
    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file().toString())
            .thenComparing(Problem::location)
            .thenComparing(Problem::code)
            .thenComparing(Problem::message);

    public Problem {
        hint = hint == null ? "" : hint;
    }

    public int line() {
        return location.line();
    }

    public int column() {
        return location.column();
    }
}
