package org.frontierregistry.tracker.discover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.scrape.RecordIds;
import org.frontierregistry.tracker.scrape.Sighting;

/**
 * From the sightings no record matched, across every source read, to decisions: join them into one body
 * of evidence per model ({@link EvidenceJoin}), estimate each from its evidence ({@link CandidateWriter}),
 * screen it ({@link Screen}), and validate what will be proposed.
 */
public final class Discovery {
    /** What discovery decided: proposals, models only reported, sightings folded into another model, problems. */
    public record Result(List<NewModel> proposed, List<NewModel> reported, List<EvidenceJoin.Fold> folded,
                         List<Folded> foldedIntoCandidates, List<String> invalid) {
        /** Nothing discovered (a run that only updates records). */
        public static final Result NONE = new Result(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A variant name folded into a new model's candidate. */
    public record Folded(String name, String source, String intoId, List<String> featureWords) {
    }

    private final List<ModelRecord> records;
    private final Screen screen;
    private final CandidateWriter writer;
    private final BiFunction<String, LocalDate, LocalDate> firstSeen;
    private final LocalDate today;
    private final Function<NewModel, List<Problem>> validate;
    private final Consumer<String> progress;

    /**
     * @param firstSeen (record id, today) → the day the bot first saw that candidate (from an earlier proposal)
     * @param validate  the problems of a proposal's record among the registry's records (none: it may be proposed)
     */
    public Discovery(List<ModelRecord> records, Screen screen, CandidateWriter writer,
                     BiFunction<String, LocalDate, LocalDate> firstSeen, LocalDate today,
                     Function<NewModel, List<Problem>> validate, Consumer<String> progress) {
        this.records = List.copyOf(records);
        this.screen = screen;
        this.writer = writer;
        this.firstSeen = firstSeen;
        this.today = today;
        this.validate = validate;
        this.progress = progress;
    }

    public Result discover(List<Sighting> unmatched) {
        EvidenceJoin.Result joined = new EvidenceJoin(records).join(unmatched);
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.id()));
        List<NewModel> proposed = new ArrayList<>();
        List<NewModel> reported = new ArrayList<>();
        List<Folded> folded = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        int done = 0;
        for (Evidence e : joined.evidence()) {
            done++;
            if (done % 100 == 0) {
                progress.accept("  new models: " + done + " of " + joined.evidence().size() + " screened");
            }
            String id = RecordIds.fromName(e.name());
            if (!ids.add(id)) {
                invalid.add(e.name() + ": its id '" + id + "' is already a record's (or another new model's) id; not"
                        + " proposed. If it is the same model, add the name as an alias of that record.");
                continue;
            }
            Optional<ModelRecord> predecessor = screen.predecessor(e);
            CandidateWriter.Written written = writer.write(id, e, firstSeen.apply(id, today), predecessor, records);
            Screen.Verdict verdict = screen.decide(e, written.pAbove(), written.computeKnown(), written.figureKnown(), predecessor);
            NewModel model = new NewModel(id, e.name(), written.text(), written.pAbove(), written.status(), written.summary(), e,
                    verdict);
            for (Sighting s : e.sightings()) {
                List<String> words = VariantRules.featureWords(s.name());
                if (!words.isEmpty()) {
                    folded.add(new Folded(s.name(), s.source(), id, words));
                }
            }
            if (!verdict.propose()) {
                reported.add(model);
                continue;
            }
            List<Problem> problems = validate.apply(model);
            if (problems.isEmpty()) {
                proposed.add(model);
            } else {
                invalid.add(id + ": the candidate does not validate: " + String.join("; ", problems.stream()
                        .map(p -> p.line() + ":" + p.column() + " " + p.message()).toList()));
            }
        }
        return new Result(List.copyOf(proposed), List.copyOf(reported), joined.folded(), List.copyOf(folded),
                List.copyOf(invalid));
    }
}
