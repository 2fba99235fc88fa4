package org.frontierregistry.tracker.diff;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.frontierregistry.tracker.diff.DiffReport.ComputeChange;
import org.frontierregistry.tracker.diff.DiffReport.Edit;
import org.frontierregistry.tracker.diff.DiffReport.Model;
import org.frontierregistry.tracker.diff.DiffReport.StatusChange;
import org.frontierregistry.tracker.diff.DiffReport.VerifiedChange;
import org.frontierregistry.tracker.record.Scientific;
import org.frontierregistry.tracker.record.Status;

/** Prints a {@link DiffReport} as Markdown (the pull-request comment) or JSON (for scripts). Deterministic. */
public final class DiffPrinter {
    public enum Format { markdown, json }

    /** Made on first use: setting up Jackson's mapper took 60 ms at the end of every Markdown diff, which needs none. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));

        private Json() {
        }
    }

    public void print(DiffReport report, Format format, PrintWriter out) {
        switch (format) {
            case markdown -> out.print(markdown(report));
            case json -> out.print(json(report));
        }
        out.flush();
    }

    public String markdown(DiffReport r) {
        StringBuilder md = new StringBuilder();
        md.append("### Effect on the published list (models above 1e25 FLOP)\n\n");
        md.append("Compared ").append(side(r.base())).append(" with ").append(side(r.head())).append(".\n\n");
        int in = r.entered().size();
        int out = r.left().size();
        md.append("**Published list: ").append(r.publishedBefore()).append(" → ").append(r.publishedAfter())
                .append(" models** (").append(in).append(" entered, ").append(out).append(" left).\n");
        if (!r.entered().isEmpty()) {
            md.append("Entered: ").append(codes(r.entered())).append(".\n");
        }
        if (!r.left().isEmpty()) {
            md.append("Left: ").append(codes(r.left())).append(".\n");
        }
        if (!Objects.equals(r.asOfBefore(), r.asOfAfter())) {
            md.append("As of (the site's date, the newest date in the records): ").append(r.asOfBefore())
                    .append(" → ").append(r.asOfAfter()).append(".\n");
        }
        if (r.empty()) {
            md.append("\nNo record changed.\n");
        }
        if (!r.added().isEmpty()) {
            md.append("\n#### Added (").append(r.added().size()).append(")\n\n");
            modelTable(md, r.added());
        }
        if (!r.removed().isEmpty()) {
            md.append("\n#### Removed (").append(r.removed().size()).append(")\n\n");
            modelTable(md, r.removed());
        }
        if (!r.statusChanges().isEmpty()) {
            md.append("\n#### Status changed (").append(r.statusChanges().size()).append(")\n\n");
            md.append("| model | from | to | published list |\n|---|---|---|---|\n");
            for (StatusChange c : r.statusChanges()) {
                md.append("| ").append(model(c.id(), c.name())).append(" | ").append(status(c.from())).append(" | ")
                        .append(status(c.to())).append(" | ").append(c.listEffect().isEmpty() ? "no change" : c.listEffect())
                        .append(" |\n");
            }
        }
        if (!r.computeChanges().isEmpty()) {
            md.append("\n#### Training compute changed (").append(r.computeChanges().size()).append(")\n\n");
            md.append("| model | from (FLOP) | to (FLOP) | ratio |\n|---|---|---|---|\n");
            for (ComputeChange c : r.computeChanges()) {
                md.append("| ").append(model(c.id(), c.name())).append(" | ").append(flop(c.from())).append(" | ")
                        .append(flop(c.to())).append(" | ").append(ratio(c.ratio())).append(" |\n");
            }
        }
        if (!r.verifiedChanges().isEmpty()) {
            md.append("\n#### Verified flag changed (").append(r.verifiedChanges().size()).append(")\n\n");
            md.append("| model | from | to |\n|---|---|---|\n");
            for (VerifiedChange c : r.verifiedChanges()) {
                md.append("| ").append(model(c.id(), c.name())).append(" | ").append(c.from()).append(" | ")
                        .append(c.to()).append(" |\n");
            }
        }
        if (!r.edited().isEmpty()) {
            md.append("\n#### Edited records (").append(r.edited().size()).append(")\n\n");
            md.append("| model | on the list | fields changed |\n|---|---|---|\n");
            for (Edit e : r.edited()) {
                md.append("| ").append(model(e.id(), e.name())).append(" | ").append(e.published() ? "yes" : "no")
                        .append(" | ").append(codes(e.fields())).append(" |\n");
            }
        }
        unreadable(md, r.head(), "these files could not be read and are left out above; `tracker validate` says why");
        unreadable(md, r.base(), "these files could not be read on the base side");
        return md.toString();
    }

    public String json(DiffReport r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        side(root.putObject("base"), r.base());
        side(root.putObject("head"), r.head());
        root.put("published_list_changed", r.publishedListChanged());
        ObjectNode list = root.putObject("published_list");
        list.put("before", r.publishedBefore());
        list.put("after", r.publishedAfter());
        list.put("as_of_before", r.asOfBefore() == null ? null : r.asOfBefore().toString());
        list.put("as_of_after", r.asOfAfter() == null ? null : r.asOfAfter().toString());
        strings(list.putArray("entered"), r.entered());
        strings(list.putArray("left"), r.left());
        models(root.putArray("added"), r.added());
        models(root.putArray("removed"), r.removed());
        ArrayNode statuses = root.putArray("status_changes");
        for (StatusChange c : r.statusChanges()) {
            ObjectNode n = statuses.addObject();
            n.put("id", c.id());
            n.put("name", c.name());
            n.put("from", c.from() == null ? null : c.from().key());
            n.put("to", c.to() == null ? null : c.to().key());
            n.put("list_effect", c.listEffect().isEmpty() ? null : c.listEffect().replace(' ', '_'));
        }
        ArrayNode computes = root.putArray("compute_changes");
        for (ComputeChange c : r.computeChanges()) {
            ObjectNode n = computes.addObject();
            n.put("id", c.id());
            n.put("name", c.name());
            n.put("from", c.from());
            n.put("to", c.to());
            n.put("ratio", c.ratio());
        }
        ArrayNode verifieds = root.putArray("verified_changes");
        for (VerifiedChange c : r.verifiedChanges()) {
            ObjectNode n = verifieds.addObject();
            n.put("id", c.id());
            n.put("name", c.name());
            n.put("from", c.from());
            n.put("to", c.to());
        }
        ArrayNode edits = root.putArray("edited");
        for (Edit e : r.edited()) {
            ObjectNode n = edits.addObject();
            n.put("id", e.id());
            n.put("name", e.name());
            n.put("published", e.published());
            strings(n.putArray("fields"), e.fields());
        }
        ObjectNode unreadable = root.putObject("unreadable");
        strings(unreadable.putArray("base"), r.base().unreadable());
        strings(unreadable.putArray("head"), r.head().unreadable());
        try {
            return Json.WRITER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void side(ObjectNode node, Snapshot s) {
        node.put("label", s.label());
        node.put("commit", s.commit());
        node.put("records", s.records().size());
    }

    private static void models(ArrayNode array, List<Model> models) {
        for (Model m : models) {
            ObjectNode n = array.addObject();
            n.put("id", m.id());
            n.put("name", m.name());
            n.put("status", m.status() == null ? null : m.status().key());
            n.put("flop", m.flop());
            n.put("verified", m.verified());
            n.put("published", m.published());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void modelTable(StringBuilder md, List<Model> models) {
        md.append("| model | status | compute (FLOP) | on the list | verified |\n|---|---|---|---|---|\n");
        for (Model m : models) {
            md.append("| ").append(model(m.id(), m.name())).append(" | ").append(status(m.status())).append(" | ")
                    .append(flop(m.flop())).append(" | ").append(m.published() ? "yes" : "no").append(" | ")
                    .append(m.verified() ? "yes" : "no").append(" |\n");
        }
    }

    private static void unreadable(StringBuilder md, Snapshot side, String why) {
        if (!side.unreadable().isEmpty()) {
            md.append("\n> [!WARNING]\n> ").append(side.label().equals("working tree") ? "In the working tree" : "At " + code(side.label()))
                    .append(", ").append(why).append(": ").append(codes(side.unreadable())).append(".\n");
        }
    }

    private static String side(Snapshot s) {
        return s.commit() == null ? "the " + s.label() : code(s.label()) + " (" + s.shortCommit() + ")";
    }

    private static String model(String id, String name) {
        return cell(name) + " (" + code(id) + ")";
    }

    private static String status(Status status) {
        return status == null ? "—" : code(status.key());
    }

    private static String flop(Double value) {
        return value == null ? "—" : Scientific.of(value); // as records and 'tracker estimate' write it: 6.84e24
    }

    private static String ratio(Double ratio) {
        return ratio == null ? "—" : "×" + String.format(Locale.ROOT, "%.3g", ratio);
    }

    private static String codes(List<String> values) {
        return String.join(", ", values.stream().map(DiffPrinter::code).toList());
    }

    /** Inline code; ids and paths never contain backticks or pipes, but escape anyway. */
    private static String code(String s) {
        return "`" + s.replace("`", "'").replace("|", "\\|") + "`";
    }

    /** Escapes text from a record so it cannot break the table or inject markup. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
