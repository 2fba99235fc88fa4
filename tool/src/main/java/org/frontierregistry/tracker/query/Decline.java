package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.RecordEditor;
import org.frontierregistry.tracker.record.RecordReader;

/**
 * A reviewer's "this entry is not this model": writes {@code declined.<source>.<entry>: reason} into a
 * record, so the bot never proposes the entry's names, identifiers or figures for it again.
 */
public final class Decline {
    /** The minimum length the schema sets for a reason. */
    public static final int MIN_REASON = 10;

    private Decline() {
    }

    /** Why the decline cannot be written, or null when it can. */
    public static String refusal(ModelRecord record, String source, List<String> entries, String reason) {
        if (!source.matches("[a-z0-9-]+")) {
            return "--source '" + source + "' is not a source name (e.g. lmarena, openrouter, huggingface, epoch)";
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            return "--reason needs at least " + MIN_REASON + " characters: it says why the entry is not " + record.id();
        }
        for (String entry : entries) {
            String key = NameKey.of(entry);
            if (key.isEmpty()) {
                return "--name '" + entry + "' has no letters or digits";
            }
            for (String own : ownNames(record)) {
                if (NameKey.of(own).equals(key)) {
                    return "'" + entry + "' is one of " + record.id() + "'s own names or identifiers ('" + own
                            + "'): remove it from the record first if it is not this model, then decline it";
                }
            }
        }
        return null;
    }

    /** The record's new text with each entry declined for the reason (an entry already declined gets the new reason). */
    public static String apply(LoadedRecord loaded, String source, List<String> entries, String reason) {
        RecordEditor editor = RecordEditor.of(loaded.document());
        for (String entry : entries) {
            editor.setAsBlocks("/declined/" + RecordReader.escape(source) + "/" + RecordReader.escape(entry.strip()), reason.strip());
        }
        return editor.text();
    }

    private static List<String> ownNames(ModelRecord record) {
        List<String> names = new ArrayList<>(record.allNames());
        names.add(record.id());
        return names;
    }
}
