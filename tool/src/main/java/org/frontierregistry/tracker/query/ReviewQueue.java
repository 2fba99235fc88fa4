package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
     * Why the record's status is not what its estimate gives (the fixed rule on p_above, docs/methodology.md),
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
        Status expected;
        String because;
        if (p != null) {
            expected = fromProbability(p);
            because = "p_above " + Numbers.probability(p);
        } else if (r.headlineFlop() == null) {
            expected = Status.UNCERTAIN;
            because = "no usable estimate";
        } else {
            return null;
        }
        return expected == r.status() ? null : "status " + r.status().key() + " but " + because + " gives " + expected.key();
    }

    /** The status rule: p ≥ 0.95 above; ≥ 0.5 likely_above; > 0.05 likely_below; else below. */
    static Status fromProbability(double p) {
        if (p >= 0.95) {
            return Status.ABOVE;
        }
        if (p >= 0.5) {
            return Status.LIKELY_ABOVE;
        }
        return p > 0.05 ? Status.LIKELY_BELOW : Status.BELOW;
    }
}
