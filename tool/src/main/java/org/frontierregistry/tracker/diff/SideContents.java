package org.frontierregistry.tracker.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.RegistryLayout;

/**
 * The record files of one side of a comparison, as bytes not yet read into records.
 *
 * @param label  what the user named (a revision such as {@code origin/main}, or "working tree")
 * @param commit the commit id, or null for the working tree
 * @param files  each record file (resolved against the registry root) to its content
 * @param blobs  each record file to the Git blob it is, for a committed side; empty for the working tree
 */
public record SideContents(String label, String commit, Map<Path, byte[]> files, Map<Path, ObjectId> blobs) {
    /** The record files committed at {@code revision}, read from the object database (nothing is checked out). */
    public static SideContents committed(RegistryLayout layout, GitRecordSource git, String revision) throws IOException {
        ObjectId commit = git.resolve(revision);
        Map<Path, byte[]> files = new LinkedHashMap<>();
        Map<Path, ObjectId> blobs = new LinkedHashMap<>();
        git.committedRecordFiles(commit).forEach((path, file) -> {
            Path resolved = layout.root().resolve(path);
            files.put(resolved, file.content());
            blobs.put(resolved, file.blob());
        });
        return new SideContents(revision, commit.name(), files, blobs);
    }

    /** The record files as they are on disk now, committed or not. */
    public static SideContents onDisk(RegistryLayout layout) throws IOException {
        return new SideContents("working tree", null, layout.recordContents(), Map.of());
    }
}
