package org.frontierregistry.tracker.estimate;

/**
 * An estimate that cannot be computed from its inputs. {@code pointer} is a JSON Pointer inside the
 * estimate's {@code inputs} ("" for the inputs as a whole, "/chip" for the chip), so callers can place
 * the problem at file:line:col.
 */
public class EstimateException extends RuntimeException {
    private final String pointer;
    private final String hint;

    public EstimateException(String pointer, String message, String hint) {
        super(message, null, false, false);
        this.pointer = pointer == null ? "" : pointer;
        this.hint = hint == null ? "" : hint;
    }

    public String pointer() {
        return pointer;
    }

    public String hint() {
        return hint;
    }
}
