package org.frontierregistry.tracker.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.publish.Numbers;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordEditor;

/**
 * Walks the review queue asking {@code [v]erify / mark [b]elow / [r]eject / [s]kip / [q]uit} for each record. A
 * decision is written into the record file at once, in place (comments, key order and layout kept), and
 * the file is validated straight after.
 */
public final class ReviewSession {
    /** The minimum length the schema sets for status_reasoning. */
    static final int MIN_REASONING = 10;

    private final String by;
    private final LocalDate today;
    private final Function<Path, List<Problem>> validate;
    private final Function<Path, String> display;

    /** What the session did. */
    public record Outcome(List<String> verified, List<String> markedBelow, List<String> rejected, List<String> skipped,
                          List<Problem> problems) {
        /** How many records were written. */
        public int written() {
            return verified.size() + markedBelow.size() + rejected.size();
        }
    }

    /**
     * @param by       the reviewer written into review.by
     * @param today    written into review.date
     * @param validate validates one file among the registry's records and returns its problems
     * @param display  how a file path is shown to people
     */
    public ReviewSession(String by, LocalDate today, Function<Path, List<Problem>> validate, Function<Path, String> display) {
        this.by = by;
        this.today = today;
        this.validate = validate;
        this.display = display;
    }

    /**
     * @param answers what the reviewer types, one answer per line (a terminal, or an --answers file)
     * @param echo    print each answer after its prompt (when it does not come from a terminal, which echoes it)
     */
    public Outcome walk(List<ReviewQueue.Item> queue, BufferedReader answers, PrintWriter out, boolean echo) throws IOException {
        List<String> verified = new ArrayList<>();
        List<String> below = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int position = 0;
        walk:
        for (ReviewQueue.Item item : queue) {
            position++;
            out.println();
            out.println("[" + position + "/" + queue.size() + "] " + summary(item));
            while (true) {
                String line = ask(out, answers, "[v]erify / mark [b]elow / [r]eject / [s]kip / [q]uit? ", echo);
                String answer = line == null ? null : line.toLowerCase(Locale.ROOT);
                if (answer == null || answer.equals("q") || answer.equals("quit")) {
                    break walk;
                }
                switch (answer) {
                    case "v", "verify" -> {
                        problems.addAll(write(item, null, null));
                        verified.add(item.record().id());
                        out.println("  verified: review block written to " + display.apply(item.loaded().file()));
                    }
                    case "b", "below" -> {
                        String reasoning = reasoning(out, answers, echo, "  Why is it below the line? (one line) ");
                        if (reasoning == null) {
                            break walk;
                        }
                        problems.addAll(write(item, "below", reasoning));
                        below.add(item.record().id());
                        out.println("  marked below: status, reasoning and review written to " + display.apply(item.loaded().file()));
                    }
                    case "r", "reject" -> {
                        String reasoning = reasoning(out, answers, echo,
                                "  What is it, if not a model of its own (e.g. a product name for a tracked model)? (one line) ");
                        if (reasoning == null) {
                            break walk;
                        }
                        problems.addAll(write(item, "rejected", reasoning));
                        rejected.add(item.record().id());
                        out.println("  rejected: status, reasoning and review written to " + display.apply(item.loaded().file())
                                + "; the bot will not propose this name again once it is on main");
                    }
                    case "s", "skip" -> skipped.add(item.record().id());
                    default -> {
                        out.println("  Please answer v, b, r, s or q.");
                        continue;
                    }
                }
                break;
            }
        }
        out.flush();
        return new Outcome(verified, below, rejected, skipped, problems);
    }

    private String reasoning(PrintWriter out, BufferedReader answers, boolean echo, String question) throws IOException {
        while (true) {
            String line = ask(out, answers, question, echo);
            if (line == null) {
                return null;
            }
            String text = line.strip();
            if (text.length() >= MIN_REASONING) {
                return text;
            }
            out.println("  Please write at least " + MIN_REASONING + " characters: a reader will see this as the reason.");
        }
    }

    /** Writes the review block, and with a status (below, rejected) that status and its reasoning. */
    private List<Problem> write(ReviewQueue.Item item, String status, String reasoning) throws IOException {
        Path file = item.loaded().file();
        RecordEditor editor = RecordEditor.of(item.loaded().document())
                .set("/review/verified", true)
                .set("/review/by", by)
                .set("/review/date", today);
        if (status != null) {
            editor.set("/status", status).set("/status_reasoning", reasoning);
        }
        AtomicFiles.rewriteText(file, editor.text());
        return validate.apply(file);
    }

    private static String ask(PrintWriter out, BufferedReader answers, String prompt, boolean echo) throws IOException {
        out.print(prompt);
        out.flush();
        String line = answers.readLine();
        if (echo) {
            out.println(line == null ? "(end of answers)" : line);
        }
        return line == null ? null : line.strip();
    }

    static String summary(ReviewQueue.Item item) {
        ModelRecord r = item.record();
        StringBuilder s = new StringBuilder(r.name()).append(" (").append(r.id()).append(")\n");
        s.append("  ").append(String.join(", ", r.organizations())).append(", published ").append(r.publicationDate()).append('\n');
        s.append("  compute ").append(r.headlineFlop() == null ? "unknown" : Flops.shortForm(r.headlineFlop()) + " FLOP");
        Double p = Fields.tc(r).pAbove();
        if (p != null) {
            s.append(", P(> 1e25) ").append(Numbers.probability(p));
        }
        if (Fields.headlineMethod(r) != null) {
            s.append(", method ").append(Fields.headlineMethod(r).key());
        }
        s.append("; status ").append(r.status() == null ? "(none)" : r.status().key()).append('\n');
        s.append("  in the queue because: ").append(String.join("; ", item.reasons()));
        return s.toString();
    }
}
