package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.junit.jupiter.api.Test;

/** The view is the map a copy of the registry with the candidate put last would be, without the copy. */
class RegistryWithCandidateTest {
    private static ModelRecord record(String id) {
        String yaml = RecordYaml.of(id, "Model " + id, "uncertain", null);
        return RecordMapper.toRecord(new RecordReader().parse(Path.of(id + ".yaml"), yaml.getBytes(StandardCharsets.UTF_8)).document().root());
    }

    private static final Map<String, ModelRecord> REGISTRY = new LinkedHashMap<>();

    static {
        for (String id : List.of("c-model", "a-model", "b-model")) {
            REGISTRY.put(id, record(id));
        }
    }

    /** What EngineEstimates built before: the registry without the candidate's id, then the candidate. */
    private static Map<String, ModelRecord> copied(ModelRecord candidate) {
        Map<String, ModelRecord> copy = new LinkedHashMap<>(REGISTRY);
        copy.remove(candidate.id());
        copy.put(candidate.id(), candidate);
        return copy;
    }

    @Test
    void aNewCandidateComesLastAfterTheRegistryInItsOrder() {
        ModelRecord candidate = record("new-model");
        RegistryWithCandidate view = new RegistryWithCandidate(REGISTRY, candidate);

        assertEquals(copied(candidate), view);
        assertEquals(new ArrayList<>(copied(candidate).keySet()), new ArrayList<>(view.keySet()));
        assertEquals(4, view.size());
        assertSame(candidate, view.get("new-model"));
        assertTrue(view.containsKey("a-model"));
        assertFalse(view.containsKey("missing"));
        assertEquals(3, REGISTRY.size(), "the registry's map is not changed");
    }

    @Test
    void aCandidateWithARegistryRecordsIdTakesItsPlaceAtTheEnd() {
        ModelRecord candidate = record("a-model");
        RegistryWithCandidate view = new RegistryWithCandidate(REGISTRY, candidate);

        assertEquals(List.of("c-model", "b-model", "a-model"), new ArrayList<>(view.keySet()));
        assertEquals(3, view.size());
        assertSame(candidate, view.get("a-model"));
        assertEquals(new ArrayList<>(copied(candidate).values()), new ArrayList<>(view.values()));
    }
}
