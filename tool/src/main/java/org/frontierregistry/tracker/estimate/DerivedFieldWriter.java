package org.frontierregistry.tracker.estimate;

import java.util.List;
import java.util.regex.Pattern;
import org.frontierregistry.tracker.record.RecordEditor;
import org.frontierregistry.tracker.record.YamlDocument;

/** Writes the recomputed derived values into a record's YAML text, keeping comments and key order. */
public final class DerivedFieldWriter {
    private static final Pattern ESTIMATE_FLOP = Pattern.compile("/training_compute/estimates/\\d+/flop");

    private DerivedFieldWriter() {
    }

    /** The record's text with every mismatch fixed (unchanged text when there is none). */
    public static String apply(YamlDocument document, List<Consistency.Mismatch> mismatches) {
        RecordEditor editor = RecordEditor.of(document);
        for (Consistency.Mismatch m : mismatches) {
            if (m.expected() == null) {
                editor.remove(m.pointer());
            } else if (ESTIMATE_FLOP.matcher(m.pointer()).matches()) {
                editor.set(m.pointer(), m.expected(), "method"); // where every record has it: right after the method
            } else {
                editor.set(m.pointer(), m.expected());
            }
        }
        return editor.text();
    }
}
