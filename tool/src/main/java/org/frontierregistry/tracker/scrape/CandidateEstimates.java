package org.frontierregistry.tracker.scrape;

import java.util.List;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;

/**
 * What the bot needs from the estimation engine: given a candidate record's text (with estimates and
 * their inputs), the same text with the derived fields filled in (each estimate's flop, the headline,
 * p_above and status). One small seam so the engine can be swapped without touching the scrapers.
 */
public interface CandidateEstimates {
    /**
     * @param text    the record's YAML; estimates carry method, confidence, inputs and reasoning
     * @param context the registry's records (comparison references, benchmark regression)
     * @return the text with derived fields written, or the reason no estimate could be made
     */
    Result fill(String text, List<ModelRecord> context);

    /** The filled text and the headline's p_above / status (null p_above: no usable estimate). */
    record Result(String text, Double pAbove, Status status, String failure) {
    }
}
