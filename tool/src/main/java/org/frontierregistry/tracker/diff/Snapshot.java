package org.frontierregistry.tracker.diff;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.record.RegistryLayout;

/**
 * The registry's records on one side of a comparison.
 *
 * @param label      what the user named (a revision such as {@code origin/main}, or "working tree")
 * @param commit     the commit id, or null for the working tree
 * @param records    the records that could be read
 * @param unreadable record files (e.g. {@code models/x.yaml}) that could not be read on this side, sorted
 * @param blobs      each record file to the Git blob it was read from, for a committed side; empty for the working tree
 */
public record Snapshot(String label, String commit, RecordSet records, List<String> unreadable, Map<Path, ObjectId> blobs) {
    public Snapshot {
        unreadable = List.copyOf(unreadable);
        blobs = Map.copyOf(blobs);
    }

    /** The record ids the unreadable files stand for (their file names without .yaml). */
    public List<String> unreadableIds() {
        return unreadable.stream()
                .map(path -> path.substring(path.lastIndexOf('/') + 1))
                .map(RegistryLayout::idOf)
                .toList();
    }

    /** The commit id shortened to 7 characters, as Git shows it; empty for the working tree. */
    public String shortCommit() {
        return commit == null ? "" : commit.substring(0, Math.min(7, commit.length()));
    }
}
