package org.frontierregistry.tracker.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads the registry's records as they were in a Git revision, straight from the object database
 * (nothing is checked out). Days are UTC days: "as of 2025-06-01" means the last commit made before
 * 2025-06-02T00:00Z on the branch's first-parent line.
 */
public final class GitRecordSource implements AutoCloseable {
    private final Repository repository;

    private GitRecordSource(Repository repository) {
        this.repository = repository;
    }

    /** Opens the Git repository holding {@code root} (or one of its parents). */
    public static GitRecordSource open(Path root) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new IllegalArgumentException(root + " is not inside a Git repository");
        }
        return new GitRecordSource(builder.build());
    }

    public Repository repository() {
        return repository;
    }

    /** The commit a revision (branch, tag, sha, HEAD~2, origin/main …) names; a clear error when it names none. */
    public ObjectId resolve(String revision) throws IOException {
        ObjectId id = repository.resolve(revision + "^{commit}");
        if (id == null) {
            // A fresh clone (or a branch made from a fork) often has origin/main but no local main.
            String remote = "origin/" + revision;
            if (!revision.contains("/") && repository.resolve(remote + "^{commit}") != null) {
                throw new IllegalArgumentException("unknown revision '" + revision + "': there is no local branch '" + revision
                        + "'; use '" + remote + "' (after 'git fetch origin' it is up to date)");
            }
            throw new IllegalArgumentException("unknown revision '" + revision + "' (try a branch name, a tag or a commit id)");
        }
        return id;
    }

    /** The last commit on {@code branch}'s first-parent line made on or before {@code day} (UTC); empty if none. */
    public Optional<RevCommit> lastCommitOnOrBefore(String branch, LocalDate day) throws IOException {
        long limit = day.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(resolveBranch(branch));
            while (commit != null) {
                if (commit.getCommitTime() < limit) {
                    return Optional.of(commit);
                }
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
            return Optional.empty();
        }
    }

    /** The first commit on {@code branch}'s first-parent line (for "before the first commit" errors). */
    public RevCommit firstCommit(String branch) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(resolveBranch(branch));
            while (commit.getParentCount() > 0) {
                commit = walk.parseCommit(commit.getParent(0));
            }
            return commit;
        }
    }

    /** A committed file: the blob it is (equal ids, equal contents) and its content. */
    public record CommittedFile(ObjectId blob, byte[] content) {
    }

    /** The {@code models/*.yaml} files of a commit: path (e.g. models/gpt-4.yaml) to content. */
    public Map<String, byte[]> recordFiles(ObjectId commitId) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        committedRecordFiles(commitId).forEach((path, file) -> files.put(path, file.content()));
        return files;
    }

    /** The {@code models/*.yaml} files of a commit, each with its blob id: path (e.g. models/gpt-4.yaml) to file. */
    public Map<String, CommittedFile> committedRecordFiles(ObjectId commitId) throws IOException {
        Map<String, CommittedFile> files = new TreeMap<>();
        // One reader for the walk and every blob: a reader per blob set up its caches 10,000 times.
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
             TreeWalk tree = new TreeWalk(reader)) {
            RevCommit commit = walk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            tree.setFilter(PathFilter.create(RegistryLayout.MODELS));
            while (tree.next()) {
                String path = tree.getPathString();
                if (path.endsWith(".yaml") && path.indexOf('/') == path.lastIndexOf('/')) {
                    ObjectId blob = tree.getObjectId(0);
                    files.put(path, new CommittedFile(blob, reader.open(blob).getBytes(64 * 1024 * 1024)));
                }
            }
        }
        return files;
    }

    private ObjectId resolveBranch(String branch) throws IOException {
        for (String candidate : new String[] {branch, "refs/remotes/origin/" + branch}) {
            ObjectId id = repository.resolve(candidate + "^{commit}");
            if (id != null) {
                return id;
            }
        }
        throw new IllegalArgumentException("no branch '" + branch + "' in " + repository.getDirectory());
    }

    @Override
    public void close() {
        repository.close();
    }
}
