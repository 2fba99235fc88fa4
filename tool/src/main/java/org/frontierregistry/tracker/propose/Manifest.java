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
import java.util.ArrayList;
import org.frontierregistry.tracker.discover.Discovery;
import org.frontierregistry.tracker.discover.EvidenceJoin;
import org.frontierregistry.tracker.discover.NewModel;
import org.frontierregistry.tracker.io.AtomicFiles;

/**
 * {@code dist/proposals.json}: under {@code proposals} one entry per bot branch that should have a pull
 * request (branch, title, PR body in Markdown, status), which the scheduled workflow opens unless one is
 * open already; under {@code skipped} the proposals that need none (already on main, or a branch a
 * person has taken over), with the reason; under {@code reported} the new models not proposed, with the reason and
 * estimate; under {@code folded} the names folded into a tracked record or a new model as variants. Sorted, no timestamps:
 * the same run gives the same bytes.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final List<String> PULL_REQUEST = List.of("created", "updated", "unchanged");

    private Manifest() {
    }

    public static String render(List<ProposalOutcome> outcomes, Discovery.Result discovery) {
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
        discovery.reported().stream().sorted(Comparator.comparing(NewModel::id)).forEach(m -> {
            ObjectNode n = rep.addObject();
            n.put("record_id", m.id());
            n.put("name", m.name());
            n.put("sources", String.join(", ", m.evidence().sources()));
            n.put("status", m.status().key());
            if (m.pAbove() == null) {
                n.putNull("p_above");
            } else {
                n.put("p_above", Math.round(m.pAbove() * 1000) / 1000.0);
            }
            n.put("estimate", m.estimateSummary());
            n.put("reason", m.verdict().reason());
        });
        ArrayNode folded = root.putArray("folded");
        List<ObjectNode> folds = new ArrayList<>();
        for (EvidenceJoin.Fold f : discovery.folded()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("name", f.sighting().name());
            n.put("source", f.sighting().source());
            if (f.intoRecord() == null) {
                n.putNull("into");
            } else {
                n.put("into", f.intoRecord());
            }
            n.put("into_kind", f.intoRecord() == null ? "none" : "record");
            n.put("reason", f.reason());
            folds.add(n);
        }
        for (Discovery.Folded f : discovery.foldedIntoCandidates()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("name", f.name());
            n.put("source", f.source());
            n.put("into", f.intoId());
            n.put("into_kind", "new model");
            n.put("reason", "a variant ('" + String.join("', '", f.featureWords()) + "') of the new model");
            folds.add(n);
        }
        folds.sort(Comparator.comparing((ObjectNode n) -> n.path("into").asText()).thenComparing(n -> n.get("source").asText())
                .thenComparing(n -> n.get("name").asText()));
        folds.forEach(folded::add);
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
