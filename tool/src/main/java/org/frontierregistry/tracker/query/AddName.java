package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.RecordEditor;

/**
 * A reviewer's "this entry is this model" (an ambiguous line of a scrape, a name the bot could not place):
 * writes the entry under {@code identifiers.<source>} when the schema has that field, else under
 * {@code aliases}, so the bot recognises it from then on. {@code identifiers.epoch} holds one name, the
 * model's name in Epoch AI's database; another name Epoch uses for it (its capabilities index names models
 * by their API ids, "gemini-exp-1206") goes under {@code aliases}.
 */
public final class AddName {
    /** Sources whose keys have a field under identifiers; epoch's holds one name. */
    public static final Set<String> IDENTIFIER_FIELDS = Set.of("epoch", "lmarena", "openrouter", "huggingface");

    private AddName() {
    }

    /** Where the entry goes for some record: identifiers.&lt;source&gt; or aliases. */
    public static String field(String source) {
        return IDENTIFIER_FIELDS.contains(source) ? "identifiers." + source
                + (source.equals("epoch") ? " (aliases when the record has Epoch AI's name already)" : "") : "aliases";
    }

    /** Where the entry goes for this record: identifiers.&lt;source&gt; or aliases. */
    public static String field(ModelRecord record, String source, String entry) {
        return holdsOtherEpochName(record, source, entry) || !IDENTIFIER_FIELDS.contains(source) ? "aliases" : "identifiers." + source;
    }

    private static boolean holdsOtherEpochName(ModelRecord record, String source, String entry) {
        return source.equals("epoch") && record.identifiers().epoch() != null && !record.identifiers().epoch().equals(entry.strip());
    }

    /** Why the name cannot be added, or null when it can. */
    public static String refusal(ModelRecord record, List<ModelRecord> all, String source, String entry) {
        String key = NameKey.of(entry);
        if (key.isEmpty()) {
            return "--name '" + entry + "' has no letters or digits";
        }
        if (record.declineReason(source, entry) != null) {
            return "'" + entry + "' is in " + record.id() + "'s declined list for " + source
                    + ": remove it there first if you changed your mind";
        }
        for (ModelRecord other : all) {
            if (other.id().equals(record.id())) {
                continue;
            }
            for (String name : other.allNames()) {
                if (NameKey.of(name).equals(key)) {
                    return "'" + entry + "' already belongs to " + other.id() + " ('" + name + "'): a name may belong to one record only";
                }
            }
        }
        return null;
    }

    /** The record's new text with the entry added, or null when the record lists it already. */
    public static String apply(LoadedRecord loaded, String source, String entry) {
        ModelRecord r = loaded.record();
        String name = entry.strip();
        // A field the record does not have yet goes where the schema puts it (RecordEditor).
        RecordEditor editor = RecordEditor.of(loaded.document());
        if (source.equals("epoch") && !holdsOtherEpochName(r, source, name)) {
            return name.equals(r.identifiers().epoch()) ? null : editor.set("/identifiers/epoch", name).text();
        }
        List<String> current = switch (source) {
            case "lmarena" -> r.identifiers().lmarena();
            case "openrouter" -> r.identifiers().openrouter();
            case "huggingface" -> r.identifiers().huggingface();
            default -> r.aliases();
        };
        if (current.contains(name)) {
            return null;
        }
        List<String> values = new ArrayList<>(current);
        values.add(name);
        boolean identifier = IDENTIFIER_FIELDS.contains(source) && !source.equals("epoch");
        return editor.set(identifier ? "/identifiers/" + source : "/aliases", values).text();
    }
}
