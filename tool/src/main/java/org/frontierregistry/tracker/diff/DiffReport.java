package org.frontierregistry.tracker.diff;

import java.time.LocalDate;
import java.util.List;
import org.frontierregistry.tracker.record.Status;

/**
 * What changed in the registry between two snapshots, and what that does to the published list
 * (records with status above or likely_above). Every list is sorted by record id.
 *
 * @param entered       ids that are on the published list at head and were not at base
 * @param left          ids that were on the published list at base and are not at head
 * @param added         records present only at head
 * @param removed       records present only at base
 * @param statusChanges records whose status changed
 * @param computeChanges records whose headline training compute changed
 * @param verifiedChanges records whose {@code review.verified} flag changed
 * @param edited        every record present on both sides whose content changed, with the top-level fields that changed
 */
public record DiffReport(Snapshot base, Snapshot head, int publishedBefore, int publishedAfter,
                         List<String> entered, List<String> left, List<Model> added, List<Model> removed,
                         List<StatusChange> statusChanges, List<ComputeChange> computeChanges,
                         List<VerifiedChange> verifiedChanges, List<Edit> edited, LocalDate asOfBefore, LocalDate asOfAfter) {

    /** A record as the report shows it. */
    public record Model(String id, String name, Status status, Double flop, boolean verified) {
        public boolean published() {
            return status != null && status.isPublished();
        }
    }

    public record StatusChange(String id, String name, Status from, Status to) {
        /** "enters the list", "leaves the list", or empty when the change does not cross the line. */
        public String listEffect() {
            boolean before = from != null && from.isPublished();
            boolean after = to != null && to.isPublished();
            return before == after ? "" : after ? "enters the list" : "leaves the list";
        }
    }

    /** A change of headline FLOP; either side may be null when the headline was not computed. */
    public record ComputeChange(String id, String name, Double from, Double to) {
        /** to ÷ from, or null when either side is missing. */
        public Double ratio() {
            return from == null || to == null || from == 0 ? null : to / from;
        }
    }

    public record VerifiedChange(String id, String name, boolean from, boolean to) {
    }

    public record Edit(String id, String name, boolean published, List<String> fields) {
    }

    /** True when nothing in any record changed (unreadable files aside). */
    public boolean empty() {
        return added.isEmpty() && removed.isEmpty() && edited.isEmpty();
    }

    /**
     * True when the published list changes: a model enters or leaves it, or a model on it (on either side) is
     * added, removed or edited in any way that the published tables could show.
     */
    public boolean publishedListChanged() {
        return !entered.isEmpty() || !left.isEmpty()
                || added.stream().anyMatch(Model::published)
                || removed.stream().anyMatch(Model::published)
                || edited.stream().anyMatch(Edit::published);
    }
}
