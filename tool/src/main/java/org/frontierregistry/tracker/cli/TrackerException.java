package org.frontierregistry.tracker.cli;

/** An error to show the user as one line, with the exit code to leave with. No stack trace. */
public class TrackerException extends RuntimeException {
    private final int exitCode;

    public TrackerException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static TrackerException usage(String message) {
        return new TrackerException(ExitCodes.USAGE, message);
    }

    public static TrackerException failure(String message) {
        return new TrackerException(ExitCodes.PROBLEMS, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
