package org.frontierregistry.tracker.propose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.scrape.Candidate;

/**
 * {@code dist/proposals.json}: under {@code proposals} one entry per bot branch that should have a pull
 * request (branch, title, PR body in Markdown, status), which the scheduled workflow opens unless one is
 * open already; under {@code skipped} the proposals that need none (already on main, or a branch a
 * person has taken over), with the reason; under {@code reported} the candidates not proposed. Sorted, no timestamps:
 * the same run gives the same bytes.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final List<String> PULL_REQUEST = List.of("created", "updated", "unchanged");

    private Manifest() {
    }

    public static String render(List<ProposalOutcome> outcomes, List<Candidate> reported) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode proposals = root.putArray("proposals");
        ArrayNode skipped = root.putArray("skipped");
        outcomes.stream().sorted(Comparator.comparing(o -> o.proposal().branch())).forEach(o -> {
            // Only branches that exist and hold the bot's proposal want a pull request; the rest are explained.
            boolean wantsPullRequest = PULL_REQUEST.contains(o.status()) && o.commit() != null;
            ObjectNode n = (wantsPullRequest ? proposals : skipped).addObject();
            n.put("branch", o.proposal().branch());
            n.put("source", o.proposal().source());
            n.put("record_id", o.proposal().recordId());
            n.put("kind", o.proposal().kind());
            n.put("path", o.proposal().path());
            n.put("status", o.status());
            n.put("open_pull_request", wantsPullRequest);
            if (wantsPullRequest) {
                n.put("title", o.proposal().title());
                n.put("body", o.proposal().body());
            } else {
                n.put("reason", o.detail());
            }
        });
        ArrayNode rep = root.putArray("reported");
        reported.stream().sorted(Comparator.comparing(Candidate::source).thenComparing(Candidate::id)).forEach(c -> {
            ObjectNode n = rep.addObject();
            n.put("source", c.source());
            n.put("record_id", c.id());
            n.put("name", c.name());
            n.put("status", c.status().key());
            if (c.pAbove() == null) {
                n.putNull("p_above");
            } else {
                n.put("p_above", Math.round(c.pAbove() * 1000) / 1000.0);
            }
            n.put("reason", c.decision().reason());
        });
        try {
            return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, text);
    }
}
