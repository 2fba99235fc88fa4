package org.frontierregistry.tracker.testing;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** Commits in the Git repositories tests make. */
public final class TestCommits {
    private TestCommits() {
    }

    /** Commits every change of the working tree (new, edited and deleted files) as one fixed tester. */
    public static RevCommit everything(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("Tester", "t@example.org")
                .setCommitter("Tester", "t@example.org").call();
    }
}
