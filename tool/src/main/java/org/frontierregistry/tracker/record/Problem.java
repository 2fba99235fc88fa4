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
 * @param severity an error blocks the record; a warning is advice that lets it pass
 */
public record Problem(Path file, Location location, String code, String message, String hint, Severity severity) {
    /** How much a problem matters: errors fail validation (exit 1), warnings are printed and let it pass. */
    public enum Severity { error, warning }

    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file().toString())
            .thenComparing(Problem::location)
            .thenComparing(Problem::code)
            .thenComparing(Problem::message);

    public Problem {
        hint = hint == null ? "" : hint;
        severity = severity == null ? Severity.error : severity;
    }

    /** An error: the record cannot be merged until it is fixed. */
    public Problem(Path file, Location location, String code, String message, String hint) {
        this(file, location, code, message, hint, Severity.error);
    }

    /** Advice: printed with what to do, but the record passes. */
    public static Problem warning(Path file, Location location, String code, String message, String hint) {
        return new Problem(file, location, code, message, hint, Severity.warning);
    }

    public boolean isWarning() {
        return severity == Severity.warning;
    }

    public int line() {
        return location.line();
    }

    public int column() {
        return location.column();
    }
}
