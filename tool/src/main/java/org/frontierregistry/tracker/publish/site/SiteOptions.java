package org.frontierregistry.tracker.publish.site;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Choices for the published page.
 *
 * @param asOf    the "as of" date in the headline; null means the newest date found in the records
 *                ({@link AsOfDate}), never the wall clock, so that a build is reproducible
 * @param repoUrl the repository the page links to (record YAML files, docs), e.g. https://github.com/org/repo
 * @param branch  the branch whose files the links show
 */
public record SiteOptions(LocalDate asOf, String repoUrl, String branch) {
    /** A placeholder until the registry's real address is passed with {@code --site-repo-url}. */
    public static final String DEFAULT_REPO_URL = "https://github.com/OWNER/REPOSITORY";
    public static final String DEFAULT_BRANCH = "main";

    public SiteOptions {
        repoUrl = checkedRepoUrl(repoUrl == null ? DEFAULT_REPO_URL : repoUrl);
        branch = branch == null || branch.isBlank() ? DEFAULT_BRANCH : branch.strip();
    }

    public static SiteOptions defaults() {
        return new SiteOptions(null, null, null);
    }

    /** The address of a file of the repository, e.g. {@code models/llama-3-1-405b.yaml}, on the branch. */
    public String fileUrl(String path) {
        return repoUrl + "/blob/" + branch + "/" + path;
    }

    private static String checkedRepoUrl(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid URL (" + e.getMessage() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) address of a repository, "
                    + "e.g. https://github.com/ORG/REPOSITORY");
        }
        return trimmed;
    }
}
