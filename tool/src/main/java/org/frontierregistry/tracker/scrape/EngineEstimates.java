package org.frontierregistry.tracker.scrape;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
    /** The context last indexed, and its records by id: a run estimates all its candidates among the same records. */
    private ModelRecord[] indexed = new ModelRecord[0];
    private Map<String, ModelRecord> indexedById = Map.of();

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
        RecordEstimate estimate = Estimator.over(new RegistryWithCandidate(byId(context), candidate), catalogue)
                .estimate(candidate.id());
        if (!estimate.ok()) {
            return new Result(text, null, Status.UNCERTAIN, estimate.failures().get(0).toString());
        }
        String filled = DerivedFieldWriter.apply(doc, Consistency.of(estimate));
        Double p = estimate.headline() == null ? null : estimate.headline().pAbove();
        return new Result(filled, p, estimate.expectedStatus(), null);
    }

    /** The context's records by id, indexed again only when they are not the same records (by reference) as last time. */
    private synchronized Map<String, ModelRecord> byId(List<ModelRecord> context) {
        boolean same = context.size() == indexed.length;
        int i = 0;
        for (Iterator<ModelRecord> records = context.iterator(); same && records.hasNext(); i++) {
            same = records.next() == indexed[i];
        }
        if (!same) {
            indexed = context.toArray(new ModelRecord[0]);
            indexedById = Collections.unmodifiableMap(Estimator.byId(context));
        }
        return indexedById;
    }
}
