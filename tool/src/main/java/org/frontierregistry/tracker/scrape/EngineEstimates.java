package org.frontierregistry.tracker.scrape;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.estimate.ChipCatalogue;
import org.frontierregistry.tracker.estimate.Consistency;
import org.frontierregistry.tracker.estimate.DerivedFieldWriter;
import org.frontierregistry.tracker.estimate.Estimator;
import org.frontierregistry.tracker.estimate.RecordEstimate;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.record.YamlDocument;

/**
 * The bot's estimates made by the estimation engine itself ({@code tracker estimate --write} logic), so a
 * candidate's derived fields are exactly what {@code tracker validate} expects.
 */
public final class EngineEstimates implements CandidateEstimates {
    private final RecordReader reader = new RecordReader();
    private final ChipCatalogue catalogue = ChipCatalogue.standard();

    @Override
    public Result fill(String text, List<ModelRecord> context) {
        RecordReader.Result read = reader.parse(Path.of("candidate.yaml"), text.getBytes(StandardCharsets.UTF_8));
        if (!read.ok()) {
            return new Result(text, null, Status.UNCERTAIN, read.problems().get(0).message());
        }
        YamlDocument doc = read.document();
        ModelRecord candidate;
        try {
            candidate = RecordMapper.toRecord(doc.root());
        } catch (IllegalArgumentException e) {
            return new Result(text, null, Status.UNCERTAIN, e.getMessage());
        }
        List<ModelRecord> all = new ArrayList<>(context.stream().filter(r -> !r.id().equals(candidate.id())).toList());
        all.add(candidate);
        RecordEstimate estimate = new Estimator(all, catalogue).estimate(candidate.id());
        if (!estimate.ok()) {
            return new Result(text, null, Status.UNCERTAIN, estimate.failures().get(0).toString());
        }
        String filled = DerivedFieldWriter.apply(doc, Consistency.of(estimate));
        Double p = estimate.headline() == null ? null : estimate.headline().pAbove();
        return new Result(filled, p, estimate.expectedStatus(), null);
    }
}
