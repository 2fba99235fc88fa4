package org.frontierregistry.tracker.discover;

import org.frontierregistry.tracker.record.Status;

/**
 * A model the sources list and the registry does not track: its joined evidence, its candidate record (with
 * the estimate the evidence allows, derived fields filled by the engine) and the screen's verdict.
 *
 * @param text            the candidate record's YAML
 * @param pAbove          the headline's P(compute &gt; 1e25), null without an estimate
 * @param estimateSummary the estimate in one line, or why there is none
 */
public record NewModel(String id, String name, String text, Double pAbove, Status status, String estimateSummary,
                       Evidence evidence, Screen.Verdict verdict) {
    public String path() {
        return "models/" + id + ".yaml";
    }

    public boolean hasEstimate() {
        return pAbove != null;
    }
}
