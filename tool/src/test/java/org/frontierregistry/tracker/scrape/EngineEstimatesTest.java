package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.junit.jupiter.api.Test;

/** A candidate's estimate is made among the records it is given, whichever records an earlier candidate had. */
class EngineEstimatesTest {
    private static final String CANDIDATE = RecordYaml.comparing("new-model", "New Model", "base-model");

    private static ModelRecord record(String yaml) {
        RecordReader.Result read = new RecordReader().parse(Path.of("record.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.ok(), () -> read.problems().toString());
        return RecordMapper.toRecord(read.document().root());
    }

    private static final ModelRecord BASE = record(RecordYaml.of("base-model", "Base Model", "above", 3e25));
    private static final ModelRecord OTHER = record(RecordYaml.of("other-model", "Other Model", "likely_below", 2e24));

    @Test
    void eachCandidateIsEstimatedAmongTheRecordsGivenWithIt() {
        EngineEstimates engine = new EngineEstimates();

        CandidateEstimates.Result amongBoth = engine.fill(CANDIDATE, List.of(OTHER, BASE));
        CandidateEstimates.Result withoutItsReference = engine.fill(CANDIDATE, List.of(OTHER));
        CandidateEstimates.Result amongACopyWithBoth = engine.fill(CANDIDATE, new ArrayList<>(List.of(OTHER, BASE)));

        assertNotNull(amongBoth.pAbove(), amongBoth.toString());
        assertTrue(amongBoth.pAbove() > 0.5, "twice 3e25: " + amongBoth);
        assertNull(withoutItsReference.pAbove(), withoutItsReference.toString());
        assertTrue(withoutItsReference.failure().contains("base-model"), withoutItsReference.failure());
        assertEquals(amongBoth, amongACopyWithBoth);
        assertEquals(amongBoth, new EngineEstimates().fill(CANDIDATE, List.of(OTHER, BASE)), "the same as a fresh engine's");
    }

    @Test
    void aCandidateWithTheIdOfARegistryRecordIsEstimatedInItsPlace() {
        ModelRecord older = record(RecordYaml.of("new-model", "New Model", "below", 1e20));

        CandidateEstimates.Result filled = new EngineEstimates().fill(CANDIDATE, List.of(older, BASE));

        assertTrue(filled.pAbove() != null && filled.pAbove() > 0.5, "estimated from its comparison, not the record's 1e20: " + filled);
    }
}
