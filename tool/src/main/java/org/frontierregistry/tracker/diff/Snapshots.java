package org.frontierregistry.tracker.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;

/** Loads a {@link Snapshot} from a Git revision (without checking it out) or from the working tree. */
public final class Snapshots {
    private final RegistryLayout layout;
    private final Validator validator;

    public Snapshots(RegistryLayout layout, Validator validator) {
        this.layout = layout;
        this.validator = validator;
    }

    /** The records committed at {@code revision}, read from the object database through {@link GitRecordSource}. */
    public Snapshot atRevision(GitRecordSource git, String revision) throws IOException {
        ObjectId commit = git.resolve(revision);
        Map<Path, byte[]> files = new LinkedHashMap<>();
        git.recordFiles(commit).forEach((path, bytes) -> files.put(layout.root().resolve(path), bytes));
        return load(revision, commit.name(), files);
    }

    /** The records as they are on disk now, committed or not. */
    public Snapshot workingTree() throws IOException {
        return load("working tree", null, layout.recordContents());
    }

    private Snapshot load(String label, String commit, Map<Path, byte[]> files) {
        ValidationReport report = validator.validateFiles(files);
        Set<Path> read = report.records().loaded().stream()
                .map(LoadedRecord::file)
                .map(p -> p.toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        List<String> unreadable = new ArrayList<>(new TreeSet<>(files.keySet().stream()
                .filter(p -> !read.contains(p.toAbsolutePath().normalize()))
                .map(layout::display)
                .toList()));
        return new Snapshot(label, commit, report.records(), unreadable);
    }
}
