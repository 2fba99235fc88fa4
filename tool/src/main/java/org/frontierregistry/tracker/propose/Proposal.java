package org.frontierregistry.tracker.propose;

/**
 * One change for a person to review: a record file's new content on its own branch.
 *
 * @param kind          "new" (a candidate record) or "update" (changes to a record we track)
 * @param path          the file, relative to the repository root (models/x.yaml)
 * @param title         the pull request's title
 * @param body          the pull request's body, Markdown
 * @param commitMessage the commit's message
 */
public record Proposal(String source, String recordId, String kind, String path, String content, String title,
                       String body, String commitMessage) {
    public String branch() {
        return "bot/" + source + "/" + recordId;
    }
}
