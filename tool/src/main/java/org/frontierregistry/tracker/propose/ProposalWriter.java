package org.frontierregistry.tracker.propose;

import java.util.List;
import java.util.Locale;
import org.frontierregistry.tracker.discover.Evidence;
import org.frontierregistry.tracker.discover.NewModel;
import org.frontierregistry.tracker.scrape.RecordUpdate;
import org.frontierregistry.tracker.scrape.Sighting;

/** Turns new models and updates into proposals: the title, the commit message and the PR body a reviewer reads. */
public final class ProposalWriter {
    private static final String FOOTER = "Written by the registry bot (`tracker scrape --propose`). Nothing here is checked by a"
            + " person yet: see \"Reviewing a bot pull request\" in docs/review.md.";

    private ProposalWriter() {
    }

    /** The branch prefix of new models: one branch per model, whichever sources saw it. */
    public static final String NEW_MODELS = "new";

    public static Proposal of(NewModel m) {
        Evidence e = m.evidence();
        String title = "New model: " + m.name() + " (" + m.status().key()
                + (m.pAbove() == null ? "" : ", p_above " + p(m.pAbove())) + "; seen by " + String.join(", ", e.sources()) + ")";
        StringBuilder message = new StringBuilder("bot(" + String.join(",", e.sources()) + "): propose " + m.name()
                + " as a new record\n\n");
        for (Sighting s : e.sightings()) {
            message.append(wrap(s.evidence())).append("\n\n");
        }
        message.append(wrap("Estimate: " + m.estimateSummary() + (m.pAbove() == null ? "; status uncertain."
                : "; p_above " + p(m.pAbove()) + ", status " + m.status().key() + "."))).append("\n");
        message.append(wrap("Proposed because " + m.verdict().reason() + ".")).append("\n\n");
        message.append(wrap(FOOTER)).append('\n');

        StringBuilder body = new StringBuilder();
        body.append("The bot found a model that ").append(String.join(", ", e.sources().stream().map(x -> "**" + x + "**").toList()))
                .append(e.sources().size() == 1 ? " lists" : " list").append(" and the registry does not track.\n\n");
        body.append("### Why this is a pull request\n\n");
        for (String rule : m.verdict().rules()) {
            body.append("- ").append(rule).append('\n');
        }
        body.append("\n### Evidence\n\n");
        body.append(EvidenceTable.markdown(e));
        if (!e.variants().isEmpty()) {
            body.append("\nFolded in as variants (feature or packaging words, not models of their own): ")
                    .append(String.join(", ", e.variants().stream().map(v -> "`" + v + "`").toList())).append(".\n");
        }
        body.append("\n### What the bot saw\n\n");
        for (Sighting s : e.sightings()) {
            body.append("- ").append(s.evidence()).append(s.url() == null ? "" : " ([link](" + s.url() + "))").append('\n');
        }
        body.append("\n### Estimate\n\n");
        body.append("- ").append(m.estimateSummary()).append('\n');
        if (m.pAbove() != null) {
            body.append("- P(compute > 1e25) = ").append(p(m.pAbove())).append(" → status `").append(m.status().key()).append("`\n");
        }
        body.append("\n### Checklist for the reviewer\n\n");
        body.append("- [ ] It is a distinct model, not a renamed, dated or fine-tuned version of a tracked one (else: add the name to that record's `aliases` or `identifiers` and then close this pull request, or merge this file with `status: rejected` and a `status_reasoning`; closing it without either lets the bot propose it again).\n");
        body.append("- [ ] Name, developers, date and accessibility match the developer's own announcement.\n");
        body.append("- [ ] The estimate's inputs are right; a better method is added where the developer reports figures.\n");
        body.append("- [ ] `./tracker estimate --write ").append(m.id()).append("` and `./tracker validate` pass; then set `review.verified: true` with your handle and date.\n");
        body.append("\n<details><summary>The proposed record (<code>").append(m.path()).append("</code>)</summary>\n\n```yaml\n")
                .append(m.text()).append("```\n\n</details>\n\n");
        body.append(FOOTER).append('\n');
        return new Proposal(NEW_MODELS, m.id(), "new", m.path(), m.text(), title, body.toString(), message.toString());
    }

    public static Proposal of(RecordUpdate u) {
        String title = "Update " + u.recordId() + " from " + u.source() + ": " + summary(u.changes());
        StringBuilder message = new StringBuilder("bot(" + u.source() + "): update " + u.recordId() + "\n\n");
        for (String change : u.changes()) {
            message.append(wrap("- " + change)).append('\n');
        }
        message.append('\n');
        if (u.verified()) {
            message.append(wrap("The record is verified, so the bot only adds names to its aliases;"
                    + " no fact, figure or status is changed.")).append("\n\n");
        }
        message.append(wrap(FOOTER)).append('\n');
        StringBuilder body = new StringBuilder();
        body.append("The bot matched entries of **").append(u.source()).append("** to `").append(u.path())
                .append("` and suggests these changes:\n\n");
        for (String change : u.changes()) {
            body.append("- ").append(change).append('\n');
        }
        if (u.verified()) {
            body.append("\nThe record has `review.verified: true`: the bot only adds aliases to it and changes nothing else.\n");
        }
        if (!u.looseMatches().isEmpty()) {
            body.append("\n**Matched loosely** (only after dropping dates, snapshot numbers and words such as instruct/thinking): ")
                    .append(String.join(", ", u.looseMatches().stream().map(k -> "`" + k + "`").toList()))
                    .append(". A dated re-release can be a model of its own (Epoch AI lists e.g. DeepSeek-R1 (May 2025) apart"
                            + " from DeepSeek-R1): if so, remove that name here and let the bot propose it as new.\n");
            message.insert(message.indexOf("\n\n") + 2, wrap("Matched loosely, check: " + String.join(", ", u.looseMatches()) + ".") + "\n\n");
        }
        body.append("\n### What the bot saw\n\n");
        for (Sighting s : u.sightings()) {
            body.append("- ").append(s.evidence()).append('\n');
        }
        body.append("\n### Checklist for the reviewer\n\n");
        body.append("- [ ] Every added name really is this model (not a smaller, newer or differently trained sibling).\n");
        body.append("- [ ] `tracker validate` passes.\n\n");
        body.append(FOOTER).append('\n');
        return new Proposal(u.source(), u.recordId(), "update", u.path(), u.text(), title, body.toString(), message.toString());
    }

    private static String summary(List<String> changes) {
        String first = changes.get(0);
        first = first.length() > 70 ? first.substring(0, 69) + "…" : first;
        return first + (changes.size() > 1 ? " (+" + (changes.size() - 1) + " more)" : "");
    }

    private static String p(double p) {
        return String.format(Locale.ROOT, "%.3f", p);
    }

    /** Wraps prose at 72 columns for commit messages. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + 1 + word.length() > 72) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
