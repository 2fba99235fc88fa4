package org.frontierregistry.tracker.discover;

import java.util.List;

/**
 * A model's place in its developer's line: "Claude Opus 4.7" is family claude, version [4, 7], tier 1 (opus);
 * "GPT-5.1-Codex" is family gpt, version [5, 1], tier 0, other words [codex].
 */
public record ModelLine(String family, List<Integer> version, int tier, List<String> otherWords) {
    /** Same family and the same other words: the same line, whatever the version and tier. */
    public boolean sameLine(ModelLine other) {
        return family.equals(other.family) && otherWords.equals(other.otherWords);
    }

    /** This version is later than the other's: [4, 20] after [4, 3], [5, 1] after [5]. */
    public boolean newerThan(ModelLine other) {
        for (int i = 0; i < Math.max(version.size(), other.version.size()); i++) {
            int mine = i < version.size() ? version.get(i) : 0;
            int theirs = i < other.version.size() ? other.version.get(i) : 0;
            if (mine != theirs) {
                return mine > theirs;
            }
        }
        return false;
    }

    public String versionText() {
        return String.join(".", version.stream().map(String::valueOf).toList());
    }
}
