package org.frontierregistry.tracker.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.query.AddName;
import org.frontierregistry.tracker.query.Decline;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.query.ReviewQueue;
import org.frontierregistry.tracker.query.ReviewSession;
import org.frontierregistry.tracker.query.TextTable;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.ReportPrinter;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.SystemReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"The maintainer's review queue: unverified records (bot-created first, oldest first), then",
                "verified records whose status contradicts their estimate. In a terminal it walks the queue asking",
                "[v]erify / mark [b]elow / [r]eject / [s]kip / [q]uit and writes the review block into each file, in place.",
                "Without a terminal, use --list, or give the answers with --answers FILE (one answer per line).",
                "--decline ID --source S --name ENTRY --reason TEXT records that a source's entry is not that model",
                "(a bot update you turn down), so the bot never proposes it for that record again;",
                "--add-name ID --source S --name ENTRY records that it is (an ambiguous line of a scrape)."})
public final class ReviewCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "Print the queue and stop.")
    boolean list;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "Read the answers from FILE instead of a terminal: one per line, as typed (v; b or r, then the reasoning line; s; q).")
    Path answers;

    @Option(names = "--by", paramLabel = "HANDLE", description = "Reviewer written into review.by (default: git config user.name).")
    String by;

    @Mixin
    TodayOption today;

    @Parameters(arity = "0..*", paramLabel = "ID",
            description = "Review only these records (e.g. the ones a bot pull request adds), in the queue's order. Default: the whole queue.")
    List<String> ids;

    @Option(names = "--decline", paramLabel = "ID",
            description = "Decline entries of a source for record ID (a bot update that is not this model): writes declined.<source>.<entry>: <reason>.")
    String decline;

    @Option(names = "--add-name", paramLabel = "ID",
            description = "Record that a source's entry is model ID (an ambiguous line of a scrape): writes it under identifiers.<source>, or aliases for other sources.")
    String addName;

    @Option(names = "--source", paramLabel = "SOURCE", description = "With --decline or --add-name: the source whose entries are declined (lmarena, openrouter, huggingface, epoch, ...).")
    String source;

    @Option(names = "--name", paramLabel = "ENTRY", description = "With --decline or --add-name: the entry's key or name as the bot printed it; repeat for several.")
    List<String> names;

    @Option(names = "--reason", paramLabel = "TEXT", description = "With --decline: why the entry is not this model (at least 10 characters; readers see it).")
    String reason;

    @Override
    public Integer call() throws IOException {
        RegistryLayout layout = registry.layout();
        // Held for the whole walk: the files read at the start are the ones written at each answer.
        try (RegistryLock lock = list ? null : WriteLock.take(layout, spec)) {
            return review(layout);
        }
    }

    private Integer review(RegistryLayout layout) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Validator validator = Validator.forRegistry(layout, today.clock());
        ValidationReport report = validator.validateAll(layout);
        if ((decline != null || addName != null) && ids != null && !ids.isEmpty()) {
            throw TrackerException.usage("--decline and --add-name take their record as their own value: leave out " + String.join(" ", ids));
        }
        if (decline != null && addName != null) {
            throw TrackerException.usage("--decline and --add-name are two different answers: give one");
        }
        if (decline != null) {
            return decline(layout, validator, report, out);
        }
        if (addName != null) {
            return addName(layout, validator, report, out);
        }
        if (source != null || names != null || reason != null) {
            throw TrackerException.usage("--source, --name and --reason go with --decline ID (e.g. tracker review --decline deepseek-r1"
                    + " --source lmarena --name deepseek-r1-0528 --reason \"...\"), --source and --name with --add-name ID");
        }
        List<ReviewQueue.Item> queue = only(ReviewQueue.of(report.records().loaded()), report, out);
        if (list) {
            printQueue(queue, layout, out);
            return ExitCodes.OK;
        }
        if (answers == null && System.console() == null) {
            throw TrackerException.usage("review asks questions and needs a terminal, but none is attached (CI or a pipe). "
                    + "Use 'tracker review --list' to print the queue, or give the answers with --answers FILE.");
        }
        if (queue.isEmpty()) {
            out.println("The review queue is empty: every record is verified and consistent.");
            return ExitCodes.OK;
        }
        String reviewer = reviewer(layout);
        ReviewSession session = new ReviewSession(reviewer, LocalDate.now(today.clock()),
                file -> validator.validate(List.of(file), layout.recordFiles()).problems(), layout::display);
        out.println(queue.size() + " record(s) in the review queue; reviewing as " + reviewer + ".");
        ReviewSession.Outcome outcome;
        if (answers != null) {
            try (BufferedReader reader = Files.newBufferedReader(answers, StandardCharsets.UTF_8)) {
                outcome = session.walk(queue, reader, out, true);
            } catch (NoSuchFileException e) {
                throw TrackerException.usage("--answers " + answers + ": no such file");
            }
        } else {
            outcome = session.walk(queue, new BufferedReader(System.console().reader()), out, false);
        }
        out.println();
        out.printf("Verified %d, marked below %d, rejected %d, skipped %d.%n", outcome.verified().size(),
                outcome.markedBelow().size(), outcome.rejected().size(), outcome.skipped().size());
        if (!outcome.problems().isEmpty()) {
            new ReportPrinter(layout::display).print(new ValidationReport(outcome.written(),
                    outcome.problems(), report.records()), ReportPrinter.Format.text, spec.commandLine().getErr());
            spec.commandLine().getErr().println("The edited files have problems (above): fix them before committing.");
            return ExitCodes.PROBLEMS;
        }
        return ExitCodes.OK;
    }

    /** The queue cut to the ids asked for; a record that is not in the queue is said so, an unknown id refused. */
    private List<ReviewQueue.Item> only(List<ReviewQueue.Item> queue, ValidationReport report, PrintWriter out) {
        if (ids == null || ids.isEmpty()) {
            return queue;
        }
        for (String id : ids) {
            record(report, id);
            if (queue.stream().noneMatch(item -> item.record().id().equals(id))) {
                out.println(id + " is not in the review queue: it is verified and its status agrees with its estimate.");
            }
        }
        return queue.stream().filter(item -> ids.contains(item.record().id())).toList();
    }

    private static LoadedRecord record(ValidationReport report, String id) {
        return report.records().find(id).orElseThrow(() -> TrackerException.usage(
                "no record with id '" + id + "' (or it does not validate: run 'tracker validate' first)"));
    }

    /** After writing one file: its problems, if any, on standard error, and the exit code they give. */
    private Integer editedFileProblems(RegistryLayout layout, ValidationReport report, List<Problem> problems) {
        if (problems.isEmpty()) {
            return ExitCodes.OK;
        }
        new ReportPrinter(layout::display).print(new ValidationReport(1, problems, report.records()),
                ReportPrinter.Format.text, spec.commandLine().getErr());
        spec.commandLine().getErr().println("The edited file has problems (above): fix them before committing.");
        return ExitCodes.PROBLEMS;
    }

    private Integer decline(RegistryLayout layout, Validator validator, ValidationReport report, PrintWriter out) throws IOException {
        if (list || answers != null) {
            throw TrackerException.usage("--decline writes one record and does not walk the queue: leave out --list and --answers");
        }
        if (source == null || names == null || names.isEmpty() || reason == null) {
            throw TrackerException.usage("--decline " + decline + " needs --source SOURCE, at least one --name ENTRY and --reason TEXT"
                    + " (e.g. --source lmarena --name deepseek-r1-0528 --reason \"a dated re-release Epoch AI lists as a model of its own\")");
        }
        LoadedRecord loaded = record(report, decline);
        String refusal = Decline.refusal(loaded.record(), source, names, reason);
        if (refusal != null) {
            throw TrackerException.usage(refusal);
        }
        Path file = loaded.file();
        AtomicFiles.rewriteText(file, Decline.apply(loaded, source, names, reason));
        List<Problem> problems = validator.validate(List.of(file), layout.recordFiles()).problems();
        out.println("declined for " + decline + " from " + source + ": " + String.join(", ", names) + " (written to "
                + layout.display(file) + "; once on main the bot no longer proposes " + (names.size() == 1 ? "it" : "them")
                + " for this record)");
        return editedFileProblems(layout, report, problems);
    }

    private Integer addName(RegistryLayout layout, Validator validator, ValidationReport report, PrintWriter out) throws IOException {
        if (list || answers != null || reason != null) {
            throw TrackerException.usage("--add-name takes --source and --name only (no --list, --answers or --reason)");
        }
        if (source == null || names == null || names.isEmpty()) {
            throw TrackerException.usage("--add-name " + addName + " needs --source SOURCE and at least one --name ENTRY"
                    + " (e.g. --source openrouter --name moonshotai/kimi-k2-0905)");
        }
        if (!source.matches("[a-z0-9-]+")) {
            throw TrackerException.usage("--source '" + source + "' is not a source name (e.g. lmarena, openrouter, artificialanalysis)");
        }
        LoadedRecord loaded = record(report, addName);
        Path file = loaded.file();
        List<String> added = new ArrayList<>();
        for (String name : names) {
            String refusal = AddName.refusal(loaded.record(), report.records().records(), source, name);
            if (refusal != null) {
                throw TrackerException.usage(refusal + (added.isEmpty() ? "" : " (added before it: " + String.join(", ", added) + ")"));
            }
            String text = AddName.apply(loaded, source, name);
            if (text == null) {
                continue;
            }
            AtomicFiles.rewriteText(file, text);
            loaded = validator.validate(List.of(file), layout.recordFiles()).records().find(addName).orElse(loaded);
            added.add(name);
        }
        List<Problem> problems = validator.validate(List.of(file), layout.recordFiles()).problems();
        out.println(added.isEmpty() ? addName + " already lists " + String.join(", ", names) + "; nothing written"
                : "added to " + addName + " under " + AddName.field(loaded.record(), source, names.get(0)) + ": " + String.join(", ", added) + " (written to "
                + layout.display(file) + "; once on main the bot recognises " + (added.size() == 1 ? "it" : "them") + " as this model)");
        return editedFileProblems(layout, report, problems);
    }

    private void printQueue(List<ReviewQueue.Item> queue, RegistryLayout layout, PrintWriter out) {
        TextTable table = new TextTable(List.of("id", "created_by", "date", "status", "why"), List.of(false, false, false, false, false));
        List<String> details = new ArrayList<>();
        for (ReviewQueue.Item item : queue) {
            var r = item.record();
            List<String> why = new ArrayList<>();
            if (!r.verified()) {
                why.add("unverified");
            }
            item.reasons().stream().filter(reason -> reason.startsWith("status ")).findFirst().ifPresent(reason -> {
                why.add("contradicts estimate");
                details.add(r.id() + ": " + reason);
            });
            table.row(List.of(r.id(), r.provenance() == null ? "" : r.provenance().createdBy(),
                    String.valueOf(r.publicationDate()), r.status().key(), String.join(", ", why)));
        }
        out.print(table.render(TextTable.TERMINAL_WIDTH));
        out.println(queue.size() + (queue.size() == 1 ? " record" : " records") + " to review.");
        if (!details.isEmpty()) {
            out.println("Status against estimate:");
            details.forEach(d -> out.println("  " + d));
        }
        out.flush();
    }

    /** --by, else git config user.name (the repository's, then the user's), else a clear error. */
    private String reviewer(RegistryLayout layout) {
        if (by != null && !by.isBlank()) {
            return by.strip();
        }
        String name = null;
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(layout.root().toFile());
        try {
            if (builder.getGitDir() != null) {
                try (var repository = builder.build()) {
                    name = repository.getConfig().getString("user", null, "name");
                }
            }
            if (name == null) {
                Config user = SystemReader.getInstance().getUserConfig();
                name = user.getString("user", null, "name");
            }
        } catch (IOException | ConfigInvalidException e) {
            name = null;
        }
        if (name == null || name.isBlank()) {
            throw TrackerException.usage("who is reviewing? Pass --by YOUR-HANDLE or set 'git config user.name'.");
        }
        return name.strip();
    }

}
