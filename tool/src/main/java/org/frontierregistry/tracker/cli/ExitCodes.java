package org.frontierregistry.tracker.cli;

/** The tool's exit codes, the same for every command (documented in README and docs/contributing.md). */
public final class ExitCodes {
    /** Everything is fine. */
    public static final int OK = 0;
    /** The records (or the operation) have problems; the output says which. */
    public static final int PROBLEMS = 1;
    /** The command line is wrong: unknown option, bad value, missing argument. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
