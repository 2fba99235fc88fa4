package org.frontierregistry.tracker.estimate;

import java.util.List;
import org.frontierregistry.tracker.record.RecordEditor;
import org.frontierregistry.tracker.record.YamlDocument;

/** Writes the recomputed derived values into a record's YAML text, keeping comments and key order. */
public final class DerivedFieldWriter {
    private DerivedFieldWriter() {
    }

    /** The record's text with every mismatch fixed (unchanged text when there is none). */
    public static String apply(YamlDocument document, List<Consistency.Mismatch> mismatches) {
        RecordEditor editor = RecordEditor.of(document);
        for (Consistency.Mismatch m : mismatches) {
            if (m.expected() == null) {
                editor.remove(m.pointer());
            } else {
                editor.set(m.pointer(), m.expected());
            }
        }
        return editor.text();
    }
}
