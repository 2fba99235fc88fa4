package org.frontierregistry.tracker.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.RecordReader;

/**
 * The commits that changed one record file (newest first), each with the fields it changed: the YAML of
 * the commit's version is compared with its parent's, value by value, so a reformatted file or an edited
 * comment shows as "no field changed" rather than as a change.
 */
public final class RecordHistory {
    /** One commit touching the file. {@code fields} are dotted paths like training_compute.estimates[0].flop. */
    public record Change(String commit, LocalDate date, String author, String message, Kind kind, List<String> fields) {
    }

    public enum Kind { ADDED, CHANGED, DELETED }

    private RecordHistory() {
    }

    /** @param file path of the record relative to the repository root, with forward slashes (models/x.yaml) */
    public static List<Change> of(Path repositoryRoot, String file) throws IOException {
        try (GitRecordSource source = GitRecordSource.open(repositoryRoot)) {
            Repository repository = source.repository();
            ObjectId head = repository.resolve("HEAD^{commit}");
            if (head == null) {
                return List.of();
            }
            String path = pathInRepository(repository, repositoryRoot, file);
            List<Change> changes = new ArrayList<>();
            try (Git git = Git.wrap(repository); RevWalk walk = new RevWalk(repository)) {
                for (RevCommit commit : git.log().add(head).addPath(path).call()) {
                    RevCommit parsed = walk.parseCommit(commit);
                    Optional<byte[]> now = read(repository, parsed, path);
                    Optional<byte[]> before = parsed.getParentCount() == 0 ? Optional.empty()
                            : read(repository, walk.parseCommit(parsed.getParent(0)), path);
                    Kind kind = before.isEmpty() ? Kind.ADDED : now.isEmpty() ? Kind.DELETED : Kind.CHANGED;
                    List<String> fields = kind == Kind.CHANGED ? changedFields(before.get(), now.get()) : List.of();
                    changes.add(new Change(parsed.abbreviate(7).name(),
                            LocalDate.ofInstant(parsed.getAuthorIdent().getWhenAsInstant(), ZoneOffset.UTC),
                            parsed.getAuthorIdent().getName(), parsed.getShortMessage(), kind, fields));
                }
            } catch (GitAPIException e) {
                throw new IOException("cannot read the history of " + file + ": " + e.getMessage(), e);
            }
            return changes;
        } catch (IllegalArgumentException e) {
            throw new QueryException("--history reads the registry's Git history, but " + repositoryRoot
                    + " is not inside a Git repository");
        }
    }

    /** Fields whose values differ between two versions of a record, sorted; unreadable versions are named as such. */
    public static List<String> changedFields(byte[] before, byte[] after) {
        RecordReader reader = new RecordReader();
        RecordReader.Result a = reader.parse(Path.of("before.yaml"), before);
        RecordReader.Result b = reader.parse(Path.of("after.yaml"), after);
        if (!a.ok() || !b.ok()) {
            return List.of("(the file was not readable YAML in one of the versions)");
        }
        TreeSet<String> fields = new TreeSet<>();
        diff("", a.document().root(), b.document().root(), fields);
        return List.copyOf(fields);
    }

    private static void diff(String path, JsonNode a, JsonNode b, TreeSet<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                if (!a.has(name) || !b.has(name)) {
                    out.add(child);
                } else {
                    diff(child, a.get(name), b.get(name), out);
                }
            }
            return;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size() && containsContainers(a)) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        out.add(path.isEmpty() ? "(whole record)" : path);
    }

    private static boolean containsContainers(JsonNode array) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (it.next().isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<byte[]> read(Repository repository, RevCommit commit, String path) throws IOException {
        try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
            return tree == null ? Optional.empty() : Optional.of(repository.open(tree.getObjectId(0)).getBytes());
        }
    }

    /** The registry may sit in a sub-folder of the repository; Git paths are relative to the work tree. */
    private static String pathInRepository(Repository repository, Path registryRoot, String file) {
        if (repository.isBare()) {
            return file;
        }
        Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        Path absolute = registryRoot.toAbsolutePath().normalize().resolve(file);
        return workTree.relativize(absolute).toString().replace('\\', '/');
    }
}
