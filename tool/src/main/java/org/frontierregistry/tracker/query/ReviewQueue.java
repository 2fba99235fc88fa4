package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.frontierregistry.tracker.estimate.StatusRule;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;

/**
 * What a maintainer should look at, in order: unverified records (bot-created first, then the oldest by
 * publication date), then verified records whose status contradicts their estimate.
 */
public final class ReviewQueue {
    /** A record waiting for review, and why it is in the queue. */
    public record Item(LoadedRecord loaded, List<String> reasons) {
        public ModelRecord record() {
            return loaded.record();
        }
    }

    private static final Comparator<ModelRecord> UNVERIFIED_ORDER = Comparator
            .comparing((ModelRecord r) -> r.provenance() == null || !"bot".equals(r.provenance().createdBy()))
            .thenComparing(r -> r.publicationDate(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ModelRecord::id);

    private ReviewQueue() {
    }

    public static List<Item> of(List<LoadedRecord> records) {
        List<Item> unverified = new ArrayList<>();
        List<Item> contradicting = new ArrayList<>();
        for (LoadedRecord loaded : records) {
            ModelRecord r = loaded.record();
            if (r.status() == Status.REJECTED && r.verified()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            String contradiction = contradiction(r);
            if (!r.verified()) {
                reasons.add("not verified");
            }
            if (contradiction != null) {
                reasons.add(contradiction);
            }
            if (!r.verified()) {
                unverified.add(new Item(loaded, reasons));
            } else if (contradiction != null) {
                contradicting.add(new Item(loaded, reasons));
            }
        }
        unverified.sort(Comparator.comparing(Item::record, UNVERIFIED_ORDER));
        contradicting.sort(Comparator.comparing(Item::record, UNVERIFIED_ORDER));
        List<Item> queue = new ArrayList<>(unverified);
        queue.addAll(contradicting);
        return queue;
    }

    /**
     * Why the record's status is not what its estimate gives ({@link StatusRule} on the stored p_above),
     * or null. A verified reviewer's status with written reasoning is an override, not a contradiction.
     */
    static String contradiction(ModelRecord r) {
        if (r.status() == null || r.status() == Status.REJECTED) {
            return null;
        }
        if (r.verified() && r.statusReasoning() != null) {
            return null;
        }
        Double p = Fields.tc(r).pAbove();
        if (p == null && r.headlineFlop() != null) {
            return null; // the estimation engine has not filled p_above yet; validate reports that
        }
        Status expected = StatusRule.of(p);
        String because = p == null ? "no usable estimate" : "p_above " + Numbers.probability(p);
        return expected == r.status() ? null : "status " + r.status().key() + " but " + because + " gives " + expected.key();
    }
}
