package org.frontierregistry.tracker.propose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Puts each {@link Proposal} on its own branch {@code bot/<source>/<id>}: one commit by the bot on top
 * of the base branch, written straight into the object database (the working tree is never touched),
 * then pushed. Idempotent: a branch that already holds the same content is left as it is; newer content
 * replaces the bot's commit on the same branch (force-push: the branch belongs to the bot), unless a
 * person has committed to it, in which case the branch is left alone and the run says so.
 */
public final class Proposer {
    public static final PersonIdent BOT = new PersonIdent("frontier-registry-bot", "frontier-registry-bot@users.noreply.github.com");

    private final Path root;
    private final String base;
    private final String remote;
    private final boolean push;
    private final boolean dryRun;
    private final Consumer<String> progress;

    /**
     * @param base   the main branch new branches start from
     * @param remote the remote to fetch bot branches from and push to (null: local only)
     */
    public Proposer(Path root, String base, String remote, boolean push, boolean dryRun, Consumer<String> progress) {
        this.root = root;
        this.base = base;
        this.remote = remote;
        this.push = push;
        this.dryRun = dryRun;
        this.progress = progress;
    }

    public List<ProposalOutcome> propose(List<Proposal> proposals) throws IOException {
        try (Repository repo = open(root); Git git = new Git(repo)) {
            if (remote != null && push) {
                fetchBotBranches(git);
            }
            ObjectId baseCommit = resolveBase(repo);
            List<ProposalOutcome> outcomes = new ArrayList<>();
            List<String> toPush = new ArrayList<>();
            int i = 0;
            for (Proposal p : proposals) {
                i++;
                ProposalOutcome outcome = one(repo, baseCommit, p);
                if (proposals.size() > 10 && (i % 10 == 0 || i == proposals.size())) {
                    progress.accept("  branches: " + i + " of " + proposals.size());
                }
                if (push && remote != null && !dryRun && outcome.commit() != null && needsPush(repo, p.branch(), outcome.commit())) {
                    toPush.add(p.branch());
                }
                outcomes.add(outcome);
            }
            if (!toPush.isEmpty()) {
                List<String> pushed = pushBranches(git, toPush);
                outcomes.replaceAll(o -> pushed.contains(o.proposal().branch())
                        ? new ProposalOutcome(o.proposal(), o.status(), o.commit(), true, o.detail()) : o);
            }
            return outcomes;
        }
    }

    /**
     * The content a bot branch holds for a path (the local branch, else the remote's), e.g. to keep the day
     * a candidate was first seen when it is proposed again.
     */
    public Optional<String> existing(String branch, String path) throws IOException {
        try (Repository repo = open(root); RevWalk walk = new RevWalk(repo)) {
            Optional<ObjectId> tip = branchTip(repo, branch);
            if (tip.isEmpty()) {
                return Optional.empty();
            }
            return read(repo, walk.parseCommit(tip.get()), path).map(b -> new String(b, StandardCharsets.UTF_8));
        }
    }

    private ProposalOutcome one(Repository repo, ObjectId baseCommit, Proposal p) throws IOException {
        byte[] content = p.content().getBytes(StandardCharsets.UTF_8);
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit baseRev = walk.parseCommit(baseCommit);
            Optional<byte[]> onMain = read(repo, baseRev, p.path());
            if (p.kind().equals("new") && onMain.isPresent()) {
                return new ProposalOutcome(p, "exists-on-main", null, false,
                        p.path() + " is already on " + base + "; a record is never proposed twice");
            }
            if (onMain.isPresent() && Arrays.equals(onMain.get(), content)) {
                return new ProposalOutcome(p, "unchanged", null, false, base + " already has this content");
            }
            Optional<ObjectId> tip = branchTip(repo, p.branch());
            if (tip.isPresent()) {
                RevCommit tipRev = walk.parseCommit(tip.get());
                Optional<String> person = personCommit(walk, tipRev, baseRev);
                Optional<byte[]> onBranch = read(repo, tipRev, p.path());
                if (onBranch.isPresent() && Arrays.equals(onBranch.get(), content)) {
                    ensureLocal(repo, p.branch(), tipRev);
                    return new ProposalOutcome(p, "unchanged", tipRev.name(), false, "the branch already holds this content");
                }
                if (person.isPresent()) {
                    return new ProposalOutcome(p, "left-alone", tipRev.name(), false,
                            "a person (" + person.get() + ") has committed to " + p.branch() + "; the bot does not overwrite it");
                }
            }
            if (dryRun) {
                return new ProposalOutcome(p, tip.isPresent() ? "would-update" : "would-create", null, false, "dry run");
            }
            ObjectId commit = commit(repo, baseRev, p, content);
            RefUpdate update = repo.updateRef(Constants.R_HEADS + p.branch());
            update.setNewObjectId(commit);
            update.setForceUpdate(true);
            update.setRefLogMessage("tracker scrape: " + p.title(), false);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("could not write branch " + p.branch() + ": " + result);
            }
            return new ProposalOutcome(p, tip.isPresent() ? "updated" : "created", commit.name(), false,
                    tip.isPresent() ? "the source changed since the last proposal" : "new branch");
        }
    }

    private ObjectId commit(Repository repo, RevCommit baseRev, Proposal p, byte[] content) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, baseRev.getTree());
            builder.finish();
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(p.path()) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(baseRev);
            PersonIdent who = new PersonIdent(BOT, new java.util.Date());
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(p.commitMessage());
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    /** The email of the first commit on the branch (after the base) that the bot did not write, if any. */
    private static Optional<String> personCommit(RevWalk walk, RevCommit tip, RevCommit baseRev) throws IOException {
        walk.reset();
        walk.markStart(tip);
        walk.markUninteresting(baseRev);
        for (RevCommit c : walk) {
            if (!BOT.getEmailAddress().equals(c.getAuthorIdent().getEmailAddress())) {
                walk.reset();
                return Optional.of(c.getAuthorIdent().getName());
            }
        }
        walk.reset();
        return Optional.empty();
    }

    private Optional<ObjectId> branchTip(Repository repo, String branch) throws IOException {
        Ref local = repo.exactRef(Constants.R_HEADS + branch);
        if (local != null) {
            return Optional.of(local.getObjectId());
        }
        if (remote != null) {
            Ref remoteRef = repo.exactRef(Constants.R_REMOTES + remote + "/" + branch);
            if (remoteRef != null) {
                return Optional.of(remoteRef.getObjectId());
            }
        }
        return Optional.empty();
    }

    private void ensureLocal(Repository repo, String branch, RevCommit tip) throws IOException {
        if (dryRun || repo.exactRef(Constants.R_HEADS + branch) != null) {
            return;
        }
        RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
        update.setNewObjectId(tip);
        update.update();
    }

    private boolean needsPush(Repository repo, String branch, String commit) throws IOException {
        Ref remoteRef = repo.exactRef(Constants.R_REMOTES + remote + "/" + branch);
        return remoteRef == null || !remoteRef.getObjectId().name().equals(commit);
    }

    private static Optional<byte[]> read(Repository repo, RevCommit commit, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
            if (tw == null) {
                return Optional.empty();
            }
            return Optional.of(repo.open(tw.getObjectId(0)).getBytes());
        }
    }

    private ObjectId resolveBase(Repository repo) throws IOException {
        for (String candidate : List.of(Constants.R_HEADS + base, Constants.R_REMOTES + (remote == null ? "origin" : remote) + "/" + base)) {
            Ref ref = repo.exactRef(candidate);
            if (ref != null) {
                return ref.getObjectId();
            }
        }
        throw new IOException("no branch '" + base + "' in " + repo.getDirectory() + "; pass the main branch with --base");
    }

    private void fetchBotBranches(Git git) throws IOException {
        try {
            git.fetch().setRemote(remote)
                    .setRefSpecs(new RefSpec("+refs/heads/bot/*:refs/remotes/" + remote + "/bot/*"))
                    .call();
        } catch (GitAPIException e) {
            throw new IOException("could not fetch the bot's branches from '" + remote + "': " + e.getMessage());
        }
    }

    private List<String> pushBranches(Git git, List<String> branches) throws IOException {
        List<String> pushed = new ArrayList<>();
        try {
            var command = git.push().setRemote(remote);
            List<String> failures = new ArrayList<>();
            for (PushResult result : command.setRefSpecs(branches.stream()
                    .map(b -> new RefSpec("+" + Constants.R_HEADS + b + ":" + Constants.R_HEADS + b)).toList()).call()) {
                for (RemoteRefUpdate u : result.getRemoteUpdates()) {
                    String branch = u.getRemoteName().substring(Constants.R_HEADS.length());
                    if (u.getStatus() == RemoteRefUpdate.Status.OK || u.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE) {
                        pushed.add(branch);
                    } else {
                        failures.add(branch + " (" + u.getStatus() + (u.getMessage() == null ? "" : ": " + u.getMessage()) + ")");
                    }
                }
            }
            if (!failures.isEmpty()) {
                throw new IOException("the remote '" + remote + "' refused: " + String.join(", ", failures));
            }
        } catch (GitAPIException e) {
            throw new IOException("could not push to '" + remote + "': " + e.getMessage());
        }
        progress.accept("  pushed " + pushed.size() + " branch" + (pushed.size() == 1 ? "" : "es") + " to " + remote);
        return pushed;
    }

    private static Repository open(Path root) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new IOException(root + " is not inside a Git repository; --propose needs one");
        }
        return builder.build();
    }
}
