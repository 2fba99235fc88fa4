package org.frontierregistry.tracker.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.frontierregistry.tracker.diff.DiffReport.ComputeChange;
import org.frontierregistry.tracker.diff.DiffReport.Edit;
import org.frontierregistry.tracker.diff.DiffReport.Model;
import org.frontierregistry.tracker.diff.DiffReport.StatusChange;
import org.frontierregistry.tracker.diff.DiffReport.VerifiedChange;
import org.frontierregistry.tracker.publish.site.AsOfDate;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;

/** Compares two snapshots of the registry record by record (matched by id). */
public final class RegistryDiff {
    private RegistryDiff() {
    }

    public static DiffReport compare(Snapshot base, Snapshot head) {
        Map<String, LoadedRecord> before = byId(base);
        Map<String, LoadedRecord> after = byId(head);
        List<Model> added = new ArrayList<>();
        List<Model> removed = new ArrayList<>();
        List<StatusChange> statuses = new ArrayList<>();
        List<ComputeChange> computes = new ArrayList<>();
        List<VerifiedChange> verifieds = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();

        // A file that cannot be read on one side is neither added nor removed: it is reported as unreadable.
        Set<String> unreadable = new HashSet<>(base.unreadableIds());
        unreadable.addAll(head.unreadableIds());
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        ids.removeAll(unreadable);
        for (String id : ids) {
            LoadedRecord b = before.get(id);
            LoadedRecord a = after.get(id);
            if (b == null) {
                added.add(model(a.record()));
            } else if (a == null) {
                removed.add(model(b.record()));
            } else {
                String text = b.document().text();
                if (!text.isEmpty() && text.equals(a.document().text())) {
                    continue; // the same text (most records of a large registry): the same tree
                }
                List<String> fields = changedFields(b.document().root(), a.document().root());
                if (fields.isEmpty()) {
                    continue;
                }
                ModelRecord rb = b.record();
                ModelRecord ra = a.record();
                if (rb.status() != ra.status()) {
                    statuses.add(new StatusChange(id, ra.name(), rb.status(), ra.status()));
                }
                if (!Objects.equals(rb.headlineFlop(), ra.headlineFlop())) {
                    computes.add(new ComputeChange(id, ra.name(), rb.headlineFlop(), ra.headlineFlop()));
                }
                if (rb.verified() != ra.verified()) {
                    verifieds.add(new VerifiedChange(id, ra.name(), rb.verified(), ra.verified()));
                }
                boolean published = isPublished(rb) || isPublished(ra);
                edits.add(new Edit(id, ra.name(), published, fields));
            }
        }
        List<String> publishedBefore = publishedIds(before);
        List<String> publishedAfter = publishedIds(after);
        Set<String> wasPublished = new HashSet<>(publishedBefore);
        Set<String> isPublished = new HashSet<>(publishedAfter);
        List<String> entered = publishedAfter.stream()
                .filter(id -> !wasPublished.contains(id) && !unreadable.contains(id)).toList();
        List<String> left = publishedBefore.stream()
                .filter(id -> !isPublished.contains(id) && !unreadable.contains(id)).toList();
        return new DiffReport(base, head, publishedBefore.size(), publishedAfter.size(), entered, left,
                added, removed, statuses, computes, verifieds, edits, asOf(before), asOf(after));
    }

    /** The site's default "as of" date for one side: the newest date written in its readable records. */
    private static LocalDate asOf(Map<String, LoadedRecord> side) {
        return AsOfDate.newestIn(side.values().stream().map(LoadedRecord::record).toList()).orElse(null);
    }

    private static Map<String, LoadedRecord> byId(Snapshot snapshot) {
        Map<String, LoadedRecord> map = new HashMap<>(2 * snapshot.records().loaded().size());
        for (LoadedRecord r : snapshot.records().loaded()) {
            map.putIfAbsent(r.id(), r);
        }
        return map;
    }

    private static Model model(ModelRecord r) {
        return new Model(r.id(), r.name(), r.status(), r.headlineFlop(), r.verified());
    }

    private static boolean isPublished(ModelRecord r) {
        return r.status() != null && r.status().isPublished();
    }

    private static List<String> publishedIds(Map<String, LoadedRecord> records) {
        return records.values().stream().filter(r -> isPublished(r.record())).map(LoadedRecord::id).sorted().toList();
    }

    /** Top-level keys whose values differ (comments and layout do not count: the parsed trees are compared). */
    static List<String> changedFields(JsonNode before, JsonNode after) {
        TreeSet<String> keys = new TreeSet<>();
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys.stream().filter(k -> !sameValue(before.get(k), after.get(k))).toList();
    }

    /** Equal trees, numbers compared by value (405e9 and 405000000000 are the same number). */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    };
}
